import Foundation

/// A small record: three series in one corpus folder, written by the tests (the project's own
/// texts, not copies of UN files).
///
/// - the bundled corpus (59/61 … 76/19: one series with a fork and a merge; HEAD's);
/// - "Protection of coastal wetlands": 74/50, then 87/60 (which recalls it, rewords op1 and
///   op2 and adds a preambular paragraph), as plain text;
/// - "Tending the “common” gardens": 85/12 (``AkomaNtosoFixtures/recordedVote``: a recorded
///   vote of 3–0–1, six sponsors) then 86/7, its continuation as Akoma Ntoso adopted without a
///   vote, sponsored by Norway and Peru, with op1 reworded and one preambular paragraph added.
///
/// The corrections file starts the two new series (`parents … none`), so the grouping does not
/// depend on how the build infers parents for unrelated texts.
public enum RecordCorpus {
    public static let wetlands = "protection-of-coastal-wetlands"
    public static let gardens = "tending-the-common-gardens"
    public static let developments = "developments-in-the-field-of-information"

    public static let wetlands74 = """
        Resolution adopted by the General Assembly on 5 December 2019

        74/50. Protection of coastal wetlands

        The General Assembly,

        Recalling the importance of coastal wetlands for the shelter of migratory birds and for fisheries,

        Noting with concern that coastal wetlands are lost faster than any other ecosystem,

        1. Calls upon all States to protect and restore coastal wetlands;

        2. Requests the Secretary-General to report on the state of coastal wetlands at its seventy-sixth session.

        50th plenary meeting
        5 December 2019

        """

    public static let wetlands76 = """
        Resolution adopted by the General Assembly on 7 December 2032

        87/60. Protection of coastal wetlands

        The General Assembly,

        Recalling its resolution 74/50 of 5 December 2019,

        Recalling also the importance of coastal wetlands for the shelter of migratory birds and for fisheries,

        Noting with concern that coastal wetlands are lost faster than any other ecosystem,

        1. Calls upon all States to protect and restore coastal wetlands and mangroves;

        2. Requests the Secretary-General to report on the state of coastal wetlands at its seventy-eighth session.

        48th plenary meeting
        7 December 2032

        """

    /// 86/7: 85/12 continued, adopted without a vote; every edit must apply.
    public static var gardens86: String {
        var text = AkomaNtosoFixtures.recordedVote
        func replace(_ old: String, _ new: String) {
            precondition(text.contains(old), "RecordCorpus: \"\(old)\" is not in 85/12")
            text = text.replacingOccurrences(of: old, with: new)
        }
        replace("2030-12-04", "2031-12-06")
        replace("4 December 2030", "6 December 2031")
        replace("A/RES/85/12", "A/RES/86/7")
        replace("<docNumber>85/12.</docNumber>", "<docNumber>86/7.</docNumber>")
        replace("value=\"85\">Eighty-fifth", "value=\"86\">Eighty-sixth")
        replace("84/9</a> of 2 December 2029 on", "84/9</a> of 2 December 2029 and 85/12 of 4 December 2030 on")
        replace("to water the gardens;", "to water the gardens every week;")
        replace(
            "as=\"A/C.1/85/L.7 (as amended in A/C.1/85/L.70)\" by=\"Antigua and Barbuda, Peru, Uganda (on behalf of the States Members of the United Nations that are members of the Group of 77 and China) and Trinidad and Tobago\"",
            "as=\"A/C.1/86/L.9\" by=\"Norway and Peru\"")
        replace("by=\"Bosnia and Herzegovina and Côte d’Ivoire\"", "by=\"\"")
        replace("<container name=\"Bearing in mind\">", "<container name=\"Welcoming\"><p>Welcoming the new greenhouse of the gardens,</p></container>\n<container name=\"Bearing in mind\">")
        guard let start = text.range(of: "<voting outcome=\"adoptedRecordedVote\">"), let end = text.range(of: "</voting>") else {
            preconditionFailure("RecordCorpus: 85/12 has no recorded vote")
        }
        text.replaceSubrange(start.lowerBound..<end.upperBound, with: "<voting outcome=\"adoptedWithoutVote\"></voting>")
        return text
    }

    /// Writes the record's files into `scratch` (under `folder`) and returns the folder's path.
    public static func write(into scratch: ScratchDirectory, folder: String = "record") -> String {
        let path = LaterSeries.corpus([], in: scratch, folder: folder)
        scratch.write(folder + "/w-2019.txt", wetlands74)
        scratch.write(folder + "/w-2032.txt", wetlands76)
        scratch.write(folder + "/g-2030.xml", AkomaNtosoFixtures.recordedVote)
        scratch.write(folder + "/g-2031.xml", gardens86)
        scratch.write(folder + "/.lineage-corrections", "parents 74/50 none\nparents 85/12 none\n")
        return path
    }
}
