/// Small Akoma Ntoso files written by hand in the shape of the UN's AKN4UN markup (the
/// structure and metadata of the General Assembly's files of sessions 74–79), for the reader's
/// tests. Each is the project's own text, not a copy of a UN file.
public enum AkomaNtosoFixtures {
    /// A recorded-vote resolution: a preamble of three containers (one with a footnote), an
    /// operative part with a heading, a list whose point has points of its own, a paragraph
    /// numbered `(a)` by itself, a second reference to a footnote, and an annex.
    public static let recordedVote = """
        <?xml version="1.0" encoding="UTF-8"?>
        <akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0" xmlns:akn4un="http://un.org/akn4un">
          <statement name="resolution">
            <meta>
              <identification source="#DGACM">
                <FRBRWork>
                  <FRBRthis value="/akn/un/statement/deliberation/unga/2030-12-04/85-12/!main/"></FRBRthis>
                  <FRBRdate date="2030-12-04" name="adoption"></FRBRdate>
                </FRBRWork>
                <FRBRExpression><FRBRlanguage language="eng"></FRBRlanguage></FRBRExpression>
              </identification>
              <workflow source="#un">
                <step date="2030-10-30" outcome="draftResolution" as="A/C.1/85/L.7 (as amended in A/C.1/85/L.70)" by="Antigua and Barbuda, Peru, Uganda (on behalf of the States Members of the United Nations that are members of the Group of 77 and China) and Trinidad and Tobago" />
                <step date="0001-01-01" outcome="draftResolutionAdditionalSponsors" by="Bosnia and Herzegovina and Côte d’Ivoire" />
                <step date="0001-01-01" outcome="recommendedForAdoption" as="A/85/401" by="" refersTo="9" />
                <step date="2030-12-04" outcome="adopted" as="A/85/PV.44" by="" />
              </workflow>
              <analysis source="#un">
                <parliamentary>
                  <voting outcome="adoptedRecordedVote">
                    <count value="3" refersTo="inFavour">
                      <akn4un:voters>
                        <organization refersTo="memberState">ANTIGUA AND BARBUDA</organization>
                        <organization refersTo="memberState">PERU</organization>
                        <organization refersTo="memberState">UGANDA</organization>
                      </akn4un:voters>
                    </count>
                    <count value="1" refersTo="abstaining">
                      <akn4un:voters>
                        <organization refersTo="memberState">ICELAND</organization>
                      </akn4un:voters>
                    </count>
                  </voting>
                </parliamentary>
              </analysis>
            </meta>
            <coverPage>
              <p><docNumber refersTo="#symbol">A/RES/85/12</docNumber></p>
              <p><docDate date="2030-12-08" refersTo="#dateOfIssuance">8 December 2030</docDate></p>
              <p><session refersTo="#generalAssembly" value="85">Eighty-fifth session</session></p>
              <p><inline name="agenda item">Agenda item 97</inline></p>
              <p><docTitle>Resolution adopted by the General Assembly on 4 December 2030</docTitle></p>
              <p xml:space="preserve"><docProponent refersTo="#firstCommittee">[on the report of the First Committee (<inline name="originating document">A/85/401, para. 9</inline>)]</docProponent></p>
            </coverPage>
            <preface>
              <p>
                <docNumber>85/12.</docNumber>
                <docTitle refersTo="#resolutionTitle"><span class="bold">	Tending the “common” gardens</span></docTitle>
              </p>
            </preface>
            <preamble>
              <formula name="enactingFormula"><p><span class="italic">The General Assembly</span>,</p></formula>
              <container name="Recalling">
                <p xml:space="preserve">	<span class="italic">Recalling</span> its resolution <a href="https://undocs.org/en/A/RES/84/9">84/9</a> of 2 December 2029 on the gardens’ upkeep,<authorialNote marker="1" placement="bottom"><p xml:space="preserve">		See <a href="https://undocs.org/en/A/84/100">A/84/100</a>, annex.</p></authorialNote></p>
              </container>
              <container name="Noting">
                <p xml:space="preserve">	<span class="italic">Noting</span>  that   gardens need
                   water,</p>
              </container>
              <container name="Bearing in mind">
                <p xml:space="preserve">	<span class="italic">Bearing in mind</span> the report cited above,<sup>1</sup></p>
              </container>
            </preamble>
            <mainBody>
              <paragraph class="H23"><subheading>I. Water</subheading></paragraph>
              <paragraph class="SingleTxt">
                <num>1.</num>
                <content><p xml:space="preserve">	<span class="italic">Calls upon</span> all States to water the gardens;</p></content>
              </paragraph>
              <paragraph class="SingleTxt">
                <num>2.</num>
                <list>
                  <intro><p xml:space="preserve">	<span class="italic">Requests</span> the Secretary-General:</p></intro>
                  <point>
                    <num>(a)</num>
                    <list>
                      <intro><p xml:space="preserve">	To report on:</p></intro>
                      <point><num>(i)</num><content><p>Roses;</p></content></point>
                      <point><num>(ii)</num><content><p>Tulips;</p></content></point>
                    </list>
                  </point>
                  <point><num>(b)</num><content><p>To keep the tools;</p></content></point>
                </list>
              </paragraph>
              <paragraph class="SingleTxt">
                <num>3.</num>
                <content><p xml:space="preserve">	<span class="italic">Decides</span> to consider:</p></content>
              </paragraph>
              <paragraph class="SingleTxt">
                <num>(a)</num>
                <content><p>The gardens at its eighty-sixth session.</p></content>
              </paragraph>
            </mainBody>
            <conclusions>
              <p>
                <inline name="adoptionMeeting" title="44th">44th plenary meeting</inline>
                <eol />
                <docDate date="2030-12-04" refersTo="#adoptionDate">4 December 2030</docDate>
              </p>
            </conclusions>
            <attachments>
              <attachment>
                <doc name="annex">
                  <mainBody>
                    <paragraph class="H1"><heading>Annex</heading></paragraph>
                    <paragraph class="H23"><subheading>Programme of gardening</subheading></paragraph>
                    <paragraph class="SingleTxt"><num>1.</num><content><p>Dig in spring.</p></content></paragraph>
                    <paragraph class="SingleTxt"><num>2.</num><content><p>Harvest in autumn.</p></content></paragraph>
                  </mainBody>
                </doc>
              </attachment>
            </attachments>
          </statement>
        </akomaNtoso>
        """

    /// The same resolution as plain text, as a PDF extract would give it.
    public static let recordedVoteText = """
        Resolution adopted by the General Assembly on 4 December 2030
        [on the report of the First Committee (A/85/401, para. 9)]

        85/12. Tending the “common” gardens

        The General Assembly,

        Recalling its resolution 84/9 of 2 December 2029 on the gardens’ upkeep,¹

        Noting that gardens need water,

        Bearing in mind the report cited above,¹

        1. Calls upon all States to water the gardens;

        2. Requests the Secretary-General:

        (a) To report on:

        (i) Roses;

        (ii) Tulips;

        (b) To keep the tools;

        3. Decides to consider:

        (a) The gardens at its eighty-sixth session.

        44th plenary meeting
        4 December 2030

        ¹ See A/84/100, annex.

        """

    /// A resolution adopted without a vote, with one unnumbered operative paragraph.
    public static let withoutVote = """
        <akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
          <statement name="resolution">
            <meta>
              <workflow source="#un">
                <step date="0001-01-01" outcome="draftResolution" as="A/85/L.3" by="submitted by the President of the General Assembly" />
                <step date="0001-01-01" outcome="draftResolutionAdditionalSponsors" by="" />
              </workflow>
              <analysis source="#un"><parliamentary><voting outcome="adoptedWithoutVote"><quorum value=""></quorum></voting></parliamentary></analysis>
            </meta>
            <coverPage><p><docNumber refersTo="#symbol">A/RES/85/3</docNumber></p></coverPage>
            <preface><p><docNumber>85/3.</docNumber><docTitle>Scale of watering</docTitle></p></preface>
            <preamble><formula name="enactingFormula"><p>The General Assembly</p></formula></preamble>
            <mainBody>
              <paragraph class="SingleTxt"><content><p><span class="italic">Takes note</span> of the report on watering.</p></content></paragraph>
            </mainBody>
            <conclusions><p><docDate date="2030-09-20" refersTo="#adoptionDate">20 September 2030</docDate></p></conclusions>
          </statement>
        </akomaNtoso>
        """
}
