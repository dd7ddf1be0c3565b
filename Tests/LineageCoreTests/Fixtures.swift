import ResolutionText
@testable import LineageCore

/// Builds paragraph lists: preambular, numbered operative and lettered sub-paragraphs (attached
/// to the last operative paragraph), indexed in order.
enum Item {
    case pre(String)
    case op(String)
    case sub(String)
}

func doc(_ items: [Item], marks: [Int: [String]] = [:]) -> [Paragraph] {
    var out: [Paragraph] = []
    var number = 0
    var letter = 0
    var lastOp: Int? = nil
    for item in items {
        let i = out.count
        switch item {
        case .pre(let t):
            out.append(Paragraph(index: i, kind: .preambular, text: t, footnotes: marks[i] ?? []))
        case .op(let t):
            number += 1
            letter = 0
            lastOp = i
            out.append(Paragraph(index: i, kind: .operative, label: String(number), text: t, footnotes: marks[i] ?? []))
        case .sub(let t):
            let l = Array("abcdefghijklmnopqrstuvwxyz")[letter]
            letter += 1
            out.append(
                Paragraph(index: i, kind: .subparagraph, label: "(\(l))", parent: lastOp, text: t, footnotes: marks[i] ?? []))
        }
    }
    return out
}

/// Every old and every new index is covered by exactly one change.
func coversEverything(_ a: Alignment, old: Int, new: Int) -> Bool {
    var o = [Int](repeating: 0, count: old), n = [Int](repeating: 0, count: new)
    for c in a.changes {
        for i in c.old { o[i] += 1 }
        for j in c.new { n[j] += 1 }
    }
    return o.allSatisfy { $0 == 1 } && n.allSatisfy { $0 == 1 }
}

enum Text {
    static let recalling = "Recalling its resolutions 53/70 of 4 December 1998 and 54/49 of 1 December 1999,"
    static let noting = "Noting that considerable progress has been achieved in developing and applying the latest information technologies and means of telecommunication,"
    static let affirming = "Affirming that it sees in this process the broadest positive opportunities for the further development of civilization, the expansion of opportunities for cooperation for the common good of all States,"
    static let concern = "Expressing its concern that these technologies and means can potentially be used for purposes that are inconsistent with the objectives of maintaining international stability and security,"
    static let midrand = "Recalling, in this connection, the approaches and principles outlined at the Information Society and Development Conference, held in Midrand, South Africa, from 13 to 15 May 1996,"
    static let callsUpon = "Calls upon Member States to promote further at multilateral levels the consideration of existing and potential threats in the field of information security;"
    static let invites = "Invites all Member States to continue to inform the Secretary-General of their views and assessments on the following questions:"
    static let subA = "General appreciation of the issues of information security;"
    static let subB = "Definition of basic notions related to information security, including unauthorized interference with or misuse of information and telecommunications systems and information resources;"
    static let subBNew = "Efforts taken at the national level to strengthen information security and promote international cooperation in this field;"
    static let subC = "The content of the concepts mentioned in paragraph 2 above;"
    static let decides = "Decides to include in the provisional agenda of its sixtieth session the item entitled \"Developments in the field of information and telecommunications in the context of international security\"."
    static let decidesNew = "Decides to include in the provisional agenda of its sixty-second session the item entitled \"Developments in the field of information and telecommunications in the context of international security\"."
    static let op4Old = "Notes with satisfaction that the Secretary-General is considering existing and potential threats in the sphere of information security and possible cooperative measures to address them, and is conducting a study on the concepts referred to in paragraph 2 above, with the assistance of the group of governmental experts, established in 2004 pursuant to resolution 58/32, and will submit a report on the outcome of the study to the General Assembly at its sixtieth session;"
    static let op4New = "Requests the Secretary-General, with the assistance of a group of governmental experts, to be established in 2009 on the basis of equitable geographical distribution, to continue to study existing and potential threats in the sphere of information security and possible cooperative measures to address them, as well as the concepts referred to in paragraph 2 above, and to submit a report on the results of this study to the General Assembly at its sixty-fifth session;"
    static let longClause = "Requests the Secretary-General to continue the study of existing and potential threats in the sphere of information security with the assistance of a group of governmental experts, and invites all Member States to transmit to the Secretary-General their views and assessments on confidence-building measures in information space and on relevant international concepts;"
    static let splitFirst = "Requests the Secretary-General to continue the study of existing and potential threats in the sphere of information security with the assistance of a group of governmental experts;"
    static let splitSecond = "Invites all Member States to transmit to the Secretary-General their views and assessments on confidence-building measures in information space and on relevant international concepts;"
}
