import Foundation

/// Resolutions that continue the bundled series after the 2021 merge, made by editing 76/19's
/// published text (the PDF extract of the bundled corpus, page furniture and all): a new
/// preambular paragraph recalling 76/19, a reworded operative paragraph, a new session, number
/// and date. Every edit must apply, or the fixture stops: a fixture that silently kept 76/19's
/// text would test nothing.
public enum LaterSeries {
    /// The series' own title, which 77/36 and 78/237 returned to after the merge.
    public static let seriesTitle = "Developments in the field of information and telecommunications in the context of international security"
    /// 76/19's title: the two lines' titles joined.
    public static let mergedTitle = seriesTitle
        + ", and advancing responsible State behaviour in the use of information and communications technologies"
    /// The title of the "Programme of action" resolutions (77/37, 78/16).
    public static let programmeTitle =
        "Programme of action to advance responsible State behaviour in the use of information and communications technologies in the context of international security"

    /// One resolution of the continuation: its number and its text (plain text, as published).
    public struct Text: Sendable {
        public let number: String
        public let text: String

        public init(number: String, text: String) {
            self.number = number
            self.text = text
        }

        /// A file name that says nothing about the content (lineage must not rely on it).
        public var fileName: String { "later-" + number.replacingOccurrences(of: "/", with: "-") + ".txt" }
    }

    /// A 77/36-like resolution (7 December 2022): 76/19 recalled, a new preambular paragraph, op2
    /// reworded; `title` is the series' title by default (as the real 77/36).
    public static func r77_36(title: String = seriesTitle) -> Text {
        Text(number: "77/36", text: edited(number: "77/36", session: "Seventy-seventh", adopted: "7 December 2022", meeting: "46th",
            title: title, recalling: "76/19 of 6 December 2021", steps: 1))
    }

    /// A 78/237-like resolution (22 December 2023): 77/36's text recalling 77/36 too, with one more
    /// preambular paragraph and op3 reworded.
    public static func r78_237(title: String = seriesTitle) -> Text {
        Text(number: "78/237", text: edited(number: "78/237", session: "Seventy-eighth", adopted: "22 December 2023", meeting: "55th",
            title: title, recalling: "76/19 of 6 December 2021 and 77/36 of 7 December 2022", steps: 2))
    }

    /// A "Programme of action"-like sibling of 77/36 that also continues 76/19 with a title of its
    /// own, adopted on `adopted` as `number`.
    public static func programme(number: String = "77/37", adopted: String = "7 December 2022") -> Text {
        Text(number: number, text: edited(number: number, session: "Seventy-seventh", adopted: adopted, meeting: "46th",
            title: programmeTitle, recalling: "76/19 of 6 December 2021", steps: 1,
            rewording: ("Invites all Member States", "Invites all States")))
    }

    /// The later files written into `folder` of `scratch`, with the bundled corpus beside them;
    /// returns the folder's path.
    public static func corpus(_ texts: [Text], in scratch: ScratchDirectory, folder: String = "corpus") -> String {
        let path = scratch.path + "/" + folder
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for name in try! FileManager.default.contentsOfDirectory(atPath: Package.corpus) {
            try! FileManager.default.copyItem(atPath: Package.corpus + "/" + name, toPath: path + "/" + name)
        }
        for text in texts { scratch.write(folder + "/" + text.fileName, text.text) }
        return path
    }

    static func edited(
        number: String, session: String, adopted: String, meeting: String, title: String, recalling: String, steps: Int,
        rewording: (String, String) = ("Welcomes the consensus final report", "Welcomes with appreciation the consensus final report")
    ) -> String {
        var text = try! String(contentsOfFile: Package.later["76/19"]!, encoding: .utf8)
        func replace(_ old: String, _ new: String, count: Int? = nil) {
            let n = text.components(separatedBy: old).count - 1
            precondition(n > 0 && (count == nil || n == count), "LaterSeries: \"\(old)\" found \(n) times in 76/19")
            text = text.replacingOccurrences(of: old, with: new)
        }
        let wrapped = "in the context of international security, and advancing responsible \nState behaviour in the use of information and \ncommunications technologies"
        // The title: in the heading and in the two page heads.
        replace("Developments in the field of information and telecommunications \n" + wrapped, title, count: 3)
        replace("A/RES/76/19", "A/RES/\(number)")
        replace("76/19. ", "\(number). ", count: 1)
        replace("Seventy-sixth session", "\(session) session", count: 1)
        replace("on 6 December 2021", "on \(adopted)", count: 1)
        replace("45th plenary meeting \n6 December 2021", "\(meeting) plenary meeting \n\(adopted)", count: 1)
        replace("(A/76/439, para. 7)", "(A/\(number.prefix(2))/380, para. 11)", count: 1)
        replace(
            "Stressing that it is in the interest of all States",
            "Recalling its resolutions \(recalling), \n \nStressing that it is in the interest of all States", count: 1)
        replace(rewording.0, rewording.1, count: 1)
        if steps >= 2 {
            replace(
                "Expressing concern that these technologies",
                "Welcoming the adoption by consensus of the first annual progress report of the open-ended working group \n2021–2025, \n \nExpressing concern that these technologies", count: 1)
            replace("Calls upon Member States to be guided", "Calls upon all Member States to be guided", count: 1)
        }
        return text
    }
}
