import Foundation
import TestSupport
import Testing

/// History and changelog as a user reads them on the bundled corpus: one account of each revision.
@Suite struct OneAccountCommandTests {
    /// Builds the bundled corpus (the 2018 fork and the 2021 merge included); returns the repository.
    private func builtCorpus(_ dir: ScratchDirectory) -> String {
        let repo = dir.path + "/c.git"
        let built = lineage(["build", Package.corpus, "--repo", repo])
        #expect(built.status == 0, "\(built.stderr)")
        return repo
    }

    /// The numbers in a summary phrase: "2 preambular paragraphs and 5 operative paragraphs" is 7,
    /// "19 paragraphs of 73/27 (12 preambular, …) and 13 paragraphs of 73/266 (…)" is 32.
    private func count(_ phrase: Substring?) -> Int {
        guard let phrase, !phrase.hasPrefix("none") else { return 0 }
        var outside = "", depth = 0
        for c in phrase {
            if c == "(" { depth += 1 } else if c == ")" { depth -= 1 } else if depth == 0 { outside.append(c) }
        }
        // Numbers that count, not revision numbers ("73/27").
        return outside.split(separator: " ").filter { $0.allSatisfy(\.isNumber) }.compactMap { Int($0) }.reduce(0, +)
    }

    /// Every revision's summary sentence counts what its sections list: inserted, deleted,
    /// reworded, moved and restored paragraphs.
    @Test func theMarkdownSummaryAgreesWithItsSections() throws {
        let dir = ScratchDirectory()
        let repo = builtCorpus(dir)
        let result = lineage(["changelog", "--format", "markdown", "--repo", repo])
        #expect(result.status == 0, "\(result.stderr)")
        let revisions = result.stdout.components(separatedBy: "\n## ").dropFirst()
        #expect(revisions.count == 8)
        for section in revisions {
            let name = String(section.prefix { $0 != " " })
            let lines = section.split(separator: "\n", omittingEmptySubsequences: false)
            guard let summary = lines.first(where: { $0.hasPrefix("Inserts ") }) else {
                #expect(section.contains("The first revision in this history"), "\(name)")
                continue
            }
            func items(_ heading: String) -> Int {
                guard let start = lines.firstIndex(of: Substring("### " + heading)) else { return 0 }
                return lines[(start + 1)...].prefix { !$0.hasPrefix("### ") }.filter { $0.hasPrefix("- ") }.count
            }
            // "Inserts …, rewords …, moves …, restores …, deletes …; … unchanged.": one phrase per verb.
            var body = String(summary.split(separator: ";").first ?? "")
            for verb in ["rewords", "moves", "splits", "merges", "restores", "deletes"] {
                body = body.replacingOccurrences(of: ", \(verb) ", with: "|\(verb) ")
            }
            var phrases: [String: Substring] = [:]
            for piece in body.split(separator: "|") {
                let verb = piece.prefix { $0 != " " }.lowercased()
                phrases[verb] = piece.drop { $0 != " " }.dropFirst()
            }
            #expect(count(phrases["inserts"]) == items("Inserted"), "\(name): \(summary)")
            #expect(count(phrases["deletes"]) == items("Deleted"), "\(name): \(summary)")
            #expect(count(phrases["rewords"]) == items("Reworded"), "\(name): \(summary)")
            #expect(count(phrases["restores"]) == items("Restored"), "\(name): \(summary)")
            let moved = phrases["moves"].map { count($0.split(separator: "(").first) } ?? 0
            #expect(moved == items("Moved"), "\(name): \(summary)")
        }
        #expect(result.stdout.contains("deletes 32 paragraphs of 73/27 (12 preambular, 5 operative, 15 sub-paragraphs)"))
    }

    /// Each version says what it is compared with; at the merge, the parent the changelog names.
    @Test func historySaysWhatEachVersionIsComparedWith() throws {
        let dir = ScratchDirectory()
        let repo = builtCorpus(dir)
        let text = lineage(["history", "69/28:pp11", "--repo", repo])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("76/19 pp9 → pp8  moved  compared with 73/266:pp9\n"))
        #expect(!text.stdout.contains("{+information and communications technologies+}"))
        let changelog = lineage(["changelog", "--from", "76/19", "--repo", repo])
        #expect(changelog.stdout.contains("moved 73/266:pp9 → pp8"))

        let json = lineage(["history", "69/28:pp11", "--repo", repo, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let versions = try #require(object["versions"] as? [[String: Any]])
        let compared = versions.map { ($0["comparedWith"] as? [String: String]).map { "\($0["revision"]!):\($0["label"]!)" } }
        #expect(compared == [nil, "69/28:pp11", "69/28:pp11", "73/266:pp9"])
        #expect(object["lastChanged"] as? String == "73/266")
    }

    /// Runs of unchanged versions fold into one line; --all-versions lists them.
    @Test func historyFoldsUnchangedVersions() throws {
        let dir = ScratchDirectory()
        let repo = builtCorpus(dir)
        let folded = lineage(["history", "59/61:op1", "--repo", repo])
        #expect(folded.status == 0, "\(folded.stderr)")
        #expect(folded.stdout.contains("\nunchanged in 61/54 … 63/37 (2 versions), op1\n"))
        #expect(!folded.stdout.contains("61/54 op1  unchanged"))
        let all = lineage(["history", "59/61:op1", "--all-versions", "--repo", repo])
        #expect(all.stdout.contains("61/54 op1  unchanged  compared with 59/61:op1\n"))
        #expect(all.stdout.contains("63/37 op1  unchanged  compared with 61/54:op1\n"))
    }

    /// A right-to-left override in a clause never reaches the output raw: shown as `<U+202E>`
    /// in text and Markdown (escaped there as `\<U+202E\>`, which Markdown shows as `<U+202E>`), escaped in JSON (which reads back to the same text).
    @Test func historyAndChangelogShowBidiControls() throws {
        let dir = ScratchDirectory()
        for (number, path) in Package.seeds {
            var text = try String(contentsOfFile: path, encoding: .utf8)
            if number == "69/28" {
                text = text.replacingOccurrences(
                    of: "Noting the importance of respect for human rights", with: "Noting \u{202E}evil\u{202C} the importance of respect for human rights")
            }
            dir.write("corpus/" + (path as NSString).lastPathComponent, text)
        }
        let repo = dir.path + "/b.git"
        #expect(lineage(["build", dir.path + "/corpus", "--repo", repo]).status == 0)
        for command in [["history", "69/28:pp11"], ["changelog"]] {
            for format in ["text", "markdown", "json"] {
                let result = lineage(command + ["--format", format, "--repo", repo])
                #expect(result.status == 0, "\(result.stderr)")
                #expect(!result.stdout.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x202C }, "\(command) \(format)")
                let shown = [
                    "json": "Noting \\u202eevil\\u202c the", "markdown": "Noting \\<U+202E\\>evil\\<U+202C\\> the",
                    "text": "Noting <U+202E>evil<U+202C> the",
                ]
                #expect(result.stdout.contains(shown[format]!), "\(command) \(format)")
            }
        }
        let json = lineage(["history", "69/28:pp11", "--format", "json", "--repo", repo])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let first = try #require((object["versions"] as? [[String: Any]])?.first?["text"] as? String)
        #expect(first.hasPrefix("Noting \u{202E}evil\u{202C} the"))
    }
}
