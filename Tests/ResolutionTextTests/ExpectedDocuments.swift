// Hand-verified canonical documents (format version 1) of the five bundled seeds.
//
// Each was checked line by line against its seed file in lineage/: no page furniture, no
// footnote marks left in the text, the two halves of 59/61 op5 rejoined, bare-digit marks
// ("made,1") turned into references, curly quotes and apostrophes straightened, OCR errors in
// footnotes ("Corr.l", "Add.l" in 69/28) kept as published. They were also compared with an
// independent, format-by-format extraction of the seeds (a throwaway script), which agreed on
// every line.
//
// Kept as Swift source rather than as .txt resources so that the test target needs no resource
// declaration in Package.swift.

enum ExpectedDocuments {
    /// Keyed by resolution number; each document without its final newline.
    static let byNumber: [String: String] = [
        "59/61": #"""
Developments in the field of information and telecommunications in the context of international security
Recalling its resolutions 53/70 of 4 December 1998, 54/49 of 1 December 1999, 55/28 of 20 November 2000, 56/19 of 29 November 2001, 57/53 of 22 November 2002 and 58/32 of 8 December 2003,
Recalling also its resolutions on the role of science and technology in the context of international security, in which, inter alia, it recognized that scientific and technological developments could have both civilian and military applications and that progress in science and technology for civilian applications needed to be maintained and encouraged,
Noting that considerable progress has been achieved in developing and applying the latest information technologies and means of telecommunication,
Affirming that it sees in this process the broadest positive opportunities for the further development of civilization, the expansion of opportunities for cooperation for the common good of all States, the enhancement of the creative potential of humankind and additional improvements in the circulation of information in the global community,
Recalling, in this connection, the approaches and principles outlined at the Information Society and Development Conference, held in Midrand, South Africa, from 13 to 15 May 1996,
Bearing in mind the results of the Ministerial Conference on Terrorism, held in Paris on 30 July 1996, and the recommendations that it made, [^1]
Noting that the dissemination and use of information technologies and means affect the interests of the entire international community and that optimum effectiveness is enhanced by broad international cooperation,
Expressing its concern that these technologies and means can potentially be used for purposes that are inconsistent with the objectives of maintaining international stability and security and may adversely affect the integrity of the infrastructure of States to the detriment of their security in both civil and military fields,
Considering that it is necessary to prevent the use of information resources or technologies for criminal or terrorist purposes,
Noting the contribution of those Member States that have submitted their assessments on issues of information security to the Secretary-General pursuant to paragraphs 1 to 3 of resolutions 53/70, 54/49, 55/28, 56/19, 57/53 and 58/32,
Taking note of the reports of the Secretary-General containing those assessments, [^2]
Welcoming the initiative taken by the Secretariat and the United Nations Institute for Disarmament Research in convening an international meeting of experts in Geneva in August 1999 on developments in the field of information and telecommunications in the context of international security, as well as its results,
Considering that the assessments of the Member States contained in the reports of the Secretary-General and the international meeting of experts have contributed to a better understanding of the substance of issues of international information security and related notions,
1. Calls upon Member States to promote further at multilateral levels the consideration of existing and potential threats in the field of information security, as well as possible measures to limit the threats emerging in this field, consistent with the need to preserve the free flow of information;
2. Considers that the purpose of such measures could be served through the examination of relevant international concepts aimed at strengthening the security of global information and telecommunications systems;
3. Invites all Member States to continue to inform the Secretary-General of their views and assessments on the following questions:
(a) General appreciation of the issues of information security;
(b) Definition of basic notions related to information security, including unauthorized interference with or misuse of information and telecommunications systems and information resources;
(c) The content of the concepts mentioned in paragraph 2 above;
4. Notes with satisfaction that the Secretary-General is considering existing and potential threats in the sphere of information security and possible cooperative measures to address them, and is conducting a study on the concepts referred to in paragraph 2 above, with the assistance of the group of governmental experts, established in 2004 pursuant to resolution 58/32, and will submit a report on the outcome of the study to the General Assembly at its sixtieth session;
5. Also notes with satisfaction that the group of governmental experts established by the Secretary-General held its first session from 12 to 16 July 2004 in New York and that it intends to convene two more sessions in 2005 to fulfil its mandate specified in resolution 58/32;
6. Decides to include in the provisional agenda of its sixtieth session the item entitled "Developments in the field of information and telecommunications in the context of international security".
[^1]: See A/51/261, annex.
[^2]: A/54/213, A/55/140 and Corr.1 and Add.1, A/56/164 and Add.1, A/57/166 and Add.1, A/58/373 and A/59/116 and Add.1.
"""#,
        "61/54": #"""
Developments in the field of information and telecommunications in the context of international security
Recalling its resolutions 53/70 of 4 December 1998, 54/49 of 1 December 1999, 55/28 of 20 November 2000, 56/19 of 29 November 2001, 57/53 of 22 November 2002, 58/32 of 8 December 2003, 59/61 of 3 December 2004 and 60/45 of 8 December 2005,
Recalling also its resolutions on the role of science and technology in the context of international security, in which, inter alia, it recognized that scientific and technological developments could have both civilian and military applications and that progress in science and technology for civilian applications needed to be maintained and encouraged,
Noting that considerable progress has been achieved in developing and applying the latest information technologies and means of telecommunication,
Affirming that it sees in this process the broadest positive opportunities for the further development of civilization, the expansion of opportunities for cooperation for the common good of all States, the enhancement of the creative potential of humankind and additional improvements in the circulation of information in the global community,
Recalling, in this connection, the approaches and principles outlined at the Information Society and Development Conference, held in Midrand, South Africa, from 13 to 15 May 1996,
Bearing in mind the results of the Ministerial Conference on Terrorism, held in Paris on 30 July 1996, and the recommendations that it made, [^1]
Bearing in mind also the results of the World Summit on the Information Society, held in Geneva from 10 to 12 December 2003 (first phase) and in Tunis from 16 to 18 November 2005 (second phase), [^2]
Noting that the dissemination and use of information technologies and means affect the interests of the entire international community and that optimum effectiveness is enhanced by broad international cooperation,
Expressing its concern that these technologies and means can potentially be used for purposes that are inconsistent with the objectives of maintaining international stability and security and may adversely affect the integrity of the infrastructure of States to the detriment of their security in both civil and military fields,
Considering that it is necessary to prevent the use of information resources or technologies for criminal or terrorist purposes,
Noting the contribution of those Member States that have submitted their assessments on issues of information security to the Secretary-General pursuant to paragraphs 1 to 3 of resolutions 53/70, 54/49, 55/28, 56/19, 57/53, 58/32, 59/61 and 60/45,
Taking note of the reports of the Secretary-General containing those assessments, [^3]
Welcoming the initiative taken by the Secretariat and the United Nations Institute for Disarmament Research in convening an international meeting of experts in Geneva in August 1999 on developments in the field of information and telecommunications in the context of international security, as well as its results,
Considering that the assessments of the Member States contained in the reports of the Secretary-General and the international meeting of experts have contributed to a better understanding of the substance of issues of international information security and related notions,
Bearing in mind that the Secretary-General, in fulfilment of resolution 58/32, established in 2004 a group of governmental experts, which, in accordance with its mandate, considered existing and potential threats in the sphere of information security and possible cooperative measures to address them and conducted a study on relevant international concepts aimed at strengthening the security of global information and telecommunications systems,
Taking note of the report of the Secretary-General on the Group of Governmental Experts on Developments in the Field of Information and Telecommunications in the Context of International Security, prepared on the basis of the results of the Group's work, [^4]
1. Calls upon Member States to promote further at multilateral levels the consideration of existing and potential threats in the field of information security, as well as possible measures to limit the threats emerging in this field, consistent with the need to preserve the free flow of information;
2. Considers that the purpose of such measures could be served through the examination of relevant international concepts aimed at strengthening the security of global information and telecommunications systems;
3. Invites all Member States to continue to inform the Secretary-General of their views and assessments on the following questions:
(a) General appreciation of the issues of information security;
(b) Efforts taken at the national level to strengthen information security and promote international cooperation in this field;
(c) The content of the concepts mentioned in paragraph 2 above;
(d) Possible measures that could be taken by the international community to strengthen information security at the global level;
4. Requests the Secretary-General, with the assistance of a group of governmental experts, to be established in 2009 on the basis of equitable geographical distribution, to continue to study existing and potential threats in the sphere of information security and possible cooperative measures to address them, as well as the concepts referred to in paragraph 2 above, and to submit a report on the results of this study to the General Assembly at its sixty-fifth session;
5. Decides to include in the provisional agenda of its sixty-second session the item entitled "Developments in the field of information and telecommunications in the context of international security".
[^1]: See A/51/261, annex.
[^2]: See A/C.2/59/3 and A/60/687.
[^3]: A/54/213, A/55/140 and Corr.1 and Add.1, A/56/164 and Add.1, A/57/166 and Add.1, A/58/373, A/59/116 and Add.1, A/60/95 and Add.1 and A/61/161.
[^4]: A/60/202.
"""#,
        "63/37": #"""
Developments in the field of information and telecommunications in the context of international security
Recalling its resolutions 53/70 of 4 December 1998, 54/49 of 1 December 1999, 55/28 of 20 November 2000, 56/19 of 29 November 2001, 57/53 of 22 November 2002, 58/32 of 8 December 2003, 59/61 of 3 December 2004, 60/45 of 8 December 2005, 61/54 of 6 December 2006 and 62/17 of 5 December 2007,
Recalling also its resolutions on the role of science and technology in the context of international security, in which, inter alia, it recognized that scientific and technological developments could have both civilian and military applications and that progress in science and technology for civilian applications needed to be maintained and encouraged,
Noting that considerable progress has been achieved in developing and applying the latest information technologies and means of telecommunication,
Affirming that it sees in this process the broadest positive opportunities for the further development of civilization, the expansion of opportunities for cooperation for the common good of all States, the enhancement of the creative potential of humankind and additional improvements in the circulation of information in the global community,
Recalling, in this connection, the approaches and principles outlined at the Information Society and Development Conference, held in Midrand, South Africa, from 13 to 15 May 1996,
Bearing in mind the results of the Ministerial Conference on Terrorism, held in Paris on 30 July 1996, and the recommendations that it made, [^1]
Bearing in mind also the results of the World Summit on the Information Society, held in Geneva from 10 to 12 December 2003 (first phase) and in Tunis from 16 to 18 November 2005 (second phase), [^2]
Noting that the dissemination and use of information technologies and means affect the interests of the entire international community and that optimum effectiveness is enhanced by broad international cooperation,
Expressing its concern that these technologies and means can potentially be used for purposes that are inconsistent with the objectives of maintaining international stability and security and may adversely affect the integrity of the infrastructure of States to the detriment of their security in both civil and military fields,
Considering that it is necessary to prevent the use of information resources or technologies for criminal or terrorist purposes,
Noting the contribution of those Member States that have submitted their assessments on issues of information security to the Secretary-General pursuant to paragraphs 1 to 3 of resolutions 53/70, 54/49, 55/28, 56/19, 57/53, 58/32, 59/61, 60/45, 61/54 and 62/17,
Taking note of the reports of the Secretary-General containing those assessments, [^3]
Welcoming the initiative taken by the Secretariat and the United Nations Institute for Disarmament Research in convening international meetings of experts in Geneva in August 1999 and April 2008 on developments in the field of information and telecommunications in the context of international security, as well as the results of those meetings,
Considering that the assessments of the Member States contained in the reports of the Secretary-General and the international meetings of experts have contributed to a better understanding of the substance of issues of international information security and related notions,
Bearing in mind that the Secretary-General, in fulfilment of resolution 58/32, established in 2004 a group of governmental experts, which, in accordance with its mandate, considered existing and potential threats in the sphere of information security and possible cooperative measures to address them and conducted a study on relevant international concepts aimed at strengthening the security of global information and telecommunications systems,
Taking note of the report of the Secretary-General on the Group of Governmental Experts on Developments in the Field of Information and Telecommunications in the Context of International Security, prepared on the basis of the results of the Group's work, [^4]
1. Calls upon Member States to promote further at multilateral levels the consideration of existing and potential threats in the field of information security, as well as possible measures to limit the threats emerging in this field, consistent with the need to preserve the free flow of information;
2. Considers that the purpose of such measures could be served through the examination of relevant international concepts aimed at strengthening the security of global information and telecommunications systems;
3. Invites all Member States to continue to inform the Secretary-General of their views and assessments on the following questions:
(a) General appreciation of the issues of information security;
(b) Efforts taken at the national level to strengthen information security and promote international cooperation in this field;
(c) The content of the concepts mentioned in paragraph 2 above;
(d) Possible measures that could be taken by the international community to strengthen information security at the global level;
4. Requests the Secretary-General, with the assistance of a group of governmental experts, to be established in 2009 on the basis of equitable geographical distribution, to continue to study existing and potential threats in the sphere of information security and possible cooperative measures to address them, as well as the concepts referred to in paragraph 2 above, and to submit a report on the results of this study to the General Assembly at its sixty-fifth session;
5. Decides to include in the provisional agenda of its sixty-fourth session the item entitled "Developments in the field of information and telecommunications in the context of international security".
[^1]: See A/51/261, annex.
[^2]: See A/C.2/59/3 and A/60/687.
[^3]: A/54/213, A/55/140 and Corr.1 and Add.1, A/56/164 and Add.1, A/57/166 and Add.1, A/58/373, A/59/116 and Add.1, A/60/95 and Add.1, A/61/161 and Add.1 and A/62/98 and Add.1.
[^4]: A/60/202.
"""#,
        "65/41": #"""
Developments in the field of information and telecommunications in the context of international security
Recalling its resolutions 53/70 of 4 December 1998, 54/49 of 1 December 1999, 55/28 of 20 November 2000, 56/19 of 29 November 2001, 57/53 of 22 November 2002, 58/32 of 8 December 2003, 59/61 of 3 December 2004, 60/45 of 8 December 2005, 61/54 of 6 December 2006, 62/17 of 5 December 2007, 63/37 of 2 December 2008 and 64/25 of 2 December 2009,
Recalling also its resolutions on the role of science and technology in the context of international security, in which, inter alia, it recognized that scientific and technological developments could have both civilian and military applications and that progress in science and technology for civilian applications needed to be maintained and encouraged,
Noting that considerable progress has been achieved in developing and applying the latest information technologies and means of telecommunication,
Affirming that it sees in this process the broadest positive opportunities for the further development of civilization, the expansion of opportunities for cooperation for the common good of all States, the enhancement of the creative potential of humankind and additional improvements in the circulation of information in the global community,
Recalling, in this connection, the approaches and principles outlined at the Information Society and Development Conference, held in Midrand, South Africa, from 13 to 15 May 1996,
Bearing in mind the results of the Ministerial Conference on Terrorism, held in Paris on 30 July 1996, and the recommendations that it made, [^1]
Bearing in mind also the results of the World Summit on the Information Society, held in Geneva from 10 to 12 December 2003 (first phase) and in Tunis from 16 to 18 November 2005 (second phase), [^2]
Noting that the dissemination and use of information technologies and means affect the interests of the entire international community and that optimum effectiveness is enhanced by broad international cooperation,
Expressing concern that these technologies and means can potentially be used for purposes that are inconsistent with the objectives of maintaining international stability and security and may adversely affect the integrity of the infrastructure of States to the detriment of their security in both civil and military fields,
Considering that it is necessary to prevent the use of information resources or technologies for criminal or terrorist purposes,
Noting the contribution of those Member States that have submitted their assessments on issues of information security to the Secretary-General pursuant to paragraphs 1 to 3 of resolutions 53/70, 54/49, 55/28, 56/19, 57/53, 58/32, 59/61, 60/45, 61/54, 62/17, 63/37 and 64/25,
Taking note of the reports of the Secretary-General containing those assessments, [^3]
Welcoming the initiative taken by the Secretariat and the United Nations Institute for Disarmament Research in convening international meetings of experts in Geneva in August 1999 and April 2008 on developments in the field of information and telecommunications in the context of international security, as well as the results of those meetings,
Considering that the assessments of the Member States contained in the reports of the Secretary-General and the international meetings of experts have contributed to a better understanding of the substance of issues of international information security and related notions,
Bearing in mind that the Secretary-General, in fulfilment of resolution 60/45, established in 2009, on the basis of equitable geographical distribution, a group of governmental experts, which, in accordance with its mandate, considered existing and potential threats in the sphere of information security and possible cooperative measures to address them and conducted a study on relevant international concepts aimed at strengthening the security of global information and telecommunications systems,
Welcoming the effective work of the Group of Governmental Experts on Developments in the Field of Information and Telecommunications in the Context of International Security and the relevant outcome report transmitted by the Secretary-General, [^4]
Taking note of the assessments and recommendations contained in the report of the Group of Governmental Experts,
1. Calls upon Member States to promote further at multilateral levels the consideration of existing and potential threats in the field of information security, as well as possible strategies to address the threats emerging in this field, consistent with the need to preserve the free flow of information;
2. Considers that the purpose of such strategies could be served through further examination of relevant international concepts aimed at strengthening the security of global information and telecommunications systems;
3. Invites all Member States, taking into account the assessments and recommendations contained in the report of the Group of Governmental Experts on Developments in the Field of Information and Telecommunications in the Context of International Security, to continue to inform the Secretary-General of their views and assessments on the following questions: [^4]
(a) General appreciation of the issues of information security;
(b) Efforts taken at the national level to strengthen information security and promote international cooperation in this field;
(c) The content of the concepts mentioned in paragraph 2 above;
(d) Possible measures that could be taken by the international community to strengthen information security at the global level;
4. Requests the Secretary-General, with the assistance of a group of governmental experts, to be established in 2012 on the basis of equitable geographical distribution, taking into account the assessments and recommendations contained in the above-mentioned report, to continue to study existing and potential threats in the sphere of information security and possible cooperative measures to address them, as well as the concepts referred to in paragraph 2 above, and to submit a report on the results of this study to the Assembly at its sixty-eighth session;
5. Decides to include in the provisional agenda of its sixty-sixth session the item entitled "Developments in the field of information and telecommunications in the context of international security".
[^1]: See A/51/261, annex.
[^2]: See A/C.2/59/3, annex, and A/60/687.
[^3]: A/54/213, A/55/140 and Corr.1 and Add.1, A/56/164 and Add.1, A/57/166 and Add.1, A/58/373, A/59/116 and Add.1, A/60/95 and Add.1, A/61/161 and Add.1, A/62/98 and Add.1, A/64/129 and Add.1 and A/65/154.
[^4]: See A/65/201.
"""#,
        "69/28": #"""
Developments in the field of information and telecommunications in the context of international security
Recalling its resolutions 53/70 of 4 December 1998, 54/49 of 1 December 1999, 55/28 of 20 November 2000, 56/19 of 29 November 2001, 57/53 of 22 November 2002, 58/32 of 8 December 2003, 59/61 of 3 December 2004, 60/45 of 8 December 2005, 61/54 of 6 December 2006, 62/17 of 5 December 2007, 63/37 of 2 December 2008, 64/25 of 2 December 2009, 65/41 of 8 December 2010, 66/24 of 2 December 2011, 67/27 of 3 December 2012 and 68/243 of 27 December 2013,
Recalling also its resolutions on the role of science and technology in the context of international security, in which, inter alia, it recognized that scientific and technological developments could have both civilian and military applications and that progress in science and technology for civilian applications needed to be maintained and encouraged,
Noting that considerable progress has been achieved in developing and applying the latest information technologies and means of telecommunication,
Affirming that it sees in this process the broadest positive opportunities for the further development of civilization, the expansion of opportunities for cooperation for the common good of all States, the enhancement of the creative potential of humankind and additional improvements in the circulation of information in the global community,
Recalling, in this connection, the approaches and principles outlined at the Information Society and Development Conference, held in Midrand, South Africa, from 13 to 15 May 1996,
Bearing in mind the results of the Ministerial Conference on Terrorism, held in Paris on 30 July 1996, and the recommendations that were made, [^1]
Bearing in mind also the results of the World Summit on the Information Society, held in Geneva from 10 to 12 December 2003 (first phase) and in Tunis from 16 to 18 November 2005 (second phase), [^2]
Noting that the dissemination and use of information technologies and means affect the interests of the entire international community and that optimum effectiveness is enhanced by broad international cooperation,
Expressing concern that these technologies and means can potentially be used for purposes that are inconsistent with the objectives of maintaining international stability and security and may adversely affect the integrity of the infrastructure of States to the detriment of their security in both civil and military fields,
Considering that it is necessary to prevent the use of information resources or technologies for criminal or terrorist purposes,
Noting the importance of respect for human rights and fundamental freedoms in the use of information and communications technologies,
Noting also the contribution of those Member States that have submitted their assessments on issues of information security to the Secretary-General pursuant to paragraphs 1 to 3 of resolutions 53/70, 54/49, 55/28, 56/19, 57/53, 58/32, 59/61, 60/45, 61/54, 62/17, 63/37, 64/25, 65/41, 66/24, 67/27 and 68/243,
Taking note of the reports of the Secretary-General containing those assessments, [^3]
Welcoming the initiative taken by the Secretariat and the United Nations Institute for Disarmament Research in convening international meetings of experts in Geneva in August 1999 and April 2008 on developments in the field of information and telecommunications in the context of international security, as well as the results of those meetings,
Considering that the assessments of Member States contained in the reports of the Secretary-General and the international meetings of experts have contributed to a better understanding of the substance of issues of international information security and related notions,
Bearing in mind that the Secretary-General, in fulfilment of resolution 66/24, established in 2012, on the basis of equitable geographical distribution, a group of governmental experts, which, in accordance with its mandate, considered existing and potential threats in the sphere of information security and possible cooperative measures to address them, including norms, rules or principles of responsible behaviour of States and confidence-building measures in information space, and conducted a study on relevant international concepts aimed at strengthening the security of global information and telecommunications systems,
Welcoming the effective work of the Group of Governmental Experts on Developments in the Field of Information and Telecommunications in the Context of International Security and the relevant outcome report transmitted by the Secretary-General, [^4]
Taking note of the assessments and recommendations contained in the report of the Group of Governmental Experts,
1. Calls upon Member States to promote further at multilateral levels the consideration of existing and potential threats in the field of information security, as well as possible strategies to address the threats emerging in this field, consistent with the need to preserve the free flow of information;
2. Considers that the purpose of such strategies could be served through further examination of relevant international concepts aimed at strengthening the security of global information and telecommunications systems;
3. Invites all Member States, taking into account the assessments and recommendations contained in the report of the Group of Governmental Experts on Developments in the Field of Information and Telecommunications in the Context of International Security, to continue to inform the Secretary-General of their views and assessments on the following questions: [^4]
(a) General appreciation of the issues of information security;
(b) Efforts taken at the national level to strengthen information security and to promote international cooperation in this field;
(c) The content of the concepts mentioned in paragraph 2 above;
(d) Possible measures that could be taken by the international community to strengthen information security at the global level;
4. Welcomes the commencement of the work of the Group of Governmental Experts, and authorizes the Group, taking into account the assessments and recommendations contained in the above-mentioned report, to continue to study, with a view to promoting common understandings, existing and potential threats in the sphere of information security and possible cooperative measures to address them, including norms, rules or principles of responsible behaviour of States and confidence-building measures, the issues of the use of information and communications technologies in conflicts and how international law applies to the use of information and communications technologies by States, as well as the concepts referred to in paragraph 2 above, and to submit to the General Assembly at its seventieth session a report on the results of the study;
5. Decides to include in the provisional agenda of its seventieth session the item entitled "Developments in the field of information and telecommunications in the context of international security".
[^1]: See A/51/261, annex.
[^2]: See A/C.2/59/3 and A/60/687.
[^3]: A/54/213, A/55/140 and Corr.l and Add.l, A/56/164 and Add.l, A/57/166 and Add.l, A/58/373, A/59/116 and Add.l, A/60/95 and Add.1, A/61/161 and Add.l, A/62/98 and Add.l, A/64/129 and Add.l, A/65/154, A/66/152 and Add.l, A/67/167, A/68/156 and Add.1 and A/69/112 and Add.1.
[^4]: A/68/98.
"""#,
    ]
}
