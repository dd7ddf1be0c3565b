/// The text-mode commit graph of `lineage log --graph`, drawn as `git log --graph` draws it:
/// one column per line of descent, `*` for a revision, `|` for a line passing by, `\` where a
/// merge opens its second parent's column, `/` where a column ends because it reached a
/// revision another column also leads to (a fork point).
///
/// Nodes come newest first, children before their parents. Each node brings its text lines;
/// the graph prefixes them, adding rows of its own where it needs them.
/// Complexity: O(n·w) for n nodes and w columns.
struct LogGraph<ID: Hashable> {
    struct Node {
        var id: ID
        var parents: [ID]
        /// The lines of text shown beside the node (at least one).
        var lines: [String]
    }

    /// The drawn rows: graph prefix and text.
    static func draw(_ nodes: [Node]) -> [String] {
        var columns: [ID] = []
        var out: [String] = []
        func row(_ cells: [Character], _ text: String) {
            let width = max(cells.count, 2 * columns.count)
            var prefix = String(cells) + String(repeating: " ", count: width - cells.count)
            prefix += "  "
            out.append((prefix + text).trimmingTrailingSpaces())
        }
        func bars(_ count: Int) -> [Character] {
            var cells: [Character] = []
            for i in 0..<count { cells += i == 0 ? ["|"] : [" ", "|"] }
            return cells
        }
        for node in nodes {
            let col: Int
            if let at = columns.firstIndex(of: node.id) {
                col = at
            } else {
                columns.append(node.id)
                col = columns.count - 1
            }
            var cells = bars(columns.count)
            cells[2 * col] = "*"
            var text = node.lines[...]
            row(cells, text.popFirst() ?? "")

            // The node's column now leads to its first parent; further parents open new
            // columns just to its right (unless a column already leads there).
            let before = columns.count
            if let first = node.parents.first {
                columns[col] = first
            } else {
                columns.remove(at: col)
            }
            var opened = 0
            for parent in node.parents.dropFirst() where !columns.contains(parent) {
                columns.insert(parent, at: col + 1 + opened)
                opened += 1
            }
            if opened > 0 {
                // `|\` then the columns to the right shifted by one: `\` each.
                var cells = [Character](repeating: " ", count: 2 * before)
                for i in 0...col { cells[2 * i] = "|" }
                cells[2 * col + 1] = "\\"
                for i in (col + 1)..<before { cells[2 * i + 1] = "\\" }
                row(cells.trimmed(), text.popFirst() ?? "")
            } else if node.parents.isEmpty, col < before - 1 {
                // The column ends: the ones to its right move left.
                var cells = bars(before)
                for i in (col + 1)..<before { cells[2 * i - 1] = "/"; cells[2 * i] = " " }
                row(cells.trimmed(), text.popFirst() ?? "")
            }
            while let line = text.popFirst() { row(bars(columns.count), line) }

            // Columns that now lead to the same revision join: the right one ends with `/`.
            while let right = duplicate(columns) {
                var cells = bars(columns.count)
                for i in right..<columns.count { cells[2 * i - 1] = "/"; cells[2 * i] = " " }
                columns.remove(at: right)
                row(cells.trimmed(), "")
            }
        }
        return out
    }

    /// The first column that leads where a column to its left already leads.
    private static func duplicate(_ columns: [ID]) -> Int? {
        columns.indices.first { j in columns[..<j].contains(columns[j]) }
    }
}

extension [Character] {
    fileprivate func trimmed() -> [Character] {
        var c = self
        while c.last == " " { c.removeLast() }
        return c
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
