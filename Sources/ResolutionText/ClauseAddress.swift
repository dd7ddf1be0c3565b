/// The human address of each paragraph, as delegates cite them:
///
/// - preambular paragraphs: `pp1` … `ppN`, their 1-based position among preambular paragraphs;
/// - operative paragraphs: `op` + their label: `op4`; one without a number, `op` + its
///   position among operative paragraphs (`op1` for the only one);
/// - sub-paragraphs: their parent's address + their label: `op3(b)`, `pp5(a)`, `op3(b)(i)`; a
///   dotted item extends its parent's number: norm `1.5` of `op1` is `op1.5`, item `1.5.2` of
///   it `op1.5.2` (a dotted item under a paragraph that does not carry its prefix is its
///   parent's address + `.` + its label); a sub-paragraph without a parent is addressed by its
///   label alone, `(a)`.
///
/// Addresses are stable for a given text: they depend only on the paragraphs' kinds, labels and
/// order. If two paragraphs share an address (a repeated label), lookups find the first.
/// Computing all addresses is O(n) in the number of paragraphs.
public enum ClauseAddress {
    /// The address of every paragraph, in order.
    public static func addresses(for paragraphs: [Paragraph]) -> [String] {
        var out: [String] = []
        out.reserveCapacity(paragraphs.count)
        var byIndex: [Int: String] = [:]
        var labelByIndex: [Int: String] = [:]
        var preambular = 0
        var operative = 0
        for p in paragraphs {
            let address: String
            switch p.kind {
            case .preambular:
                preambular += 1
                address = "pp\(preambular)"
            case .operative:
                operative += 1
                address = "op" + (p.label ?? String(operative))
            case .subparagraph:
                let label = p.label ?? "(\(p.index))"
                let parentAddress = p.parent.flatMap { byIndex[$0] } ?? ""
                if Numbering.isDotted(label), !parentAddress.isEmpty {
                    if let prefix = p.parent.flatMap({ labelByIndex[$0] }), label.hasPrefix(prefix + ".") {
                        address = parentAddress + label.dropFirst(prefix.count)
                    } else {
                        address = parentAddress + "." + label
                    }
                } else {
                    address = parentAddress + label
                }
            }
            byIndex[p.index] = address
            if let label = p.label { labelByIndex[p.index] = label }
            out.append(address)
        }
        return out
    }

    /// The paragraph with `address` (`"op3(b)"`; surrounding spaces and the case of the
    /// `pp`/`op` prefix are ignored), or `nil`.
    public static func paragraph(at address: String, in paragraphs: [Paragraph]) -> Paragraph? {
        var wanted = address.trimmingSpaces
        if wanted.hasPrefix("PP") || wanted.hasPrefix("OP") || wanted.hasPrefix("Pp") || wanted.hasPrefix("Op") {
            wanted = wanted.prefix(2).lowercased() + wanted.dropFirst(2)
        }
        let all = addresses(for: paragraphs)
        guard let i = all.firstIndex(of: wanted) else { return nil }
        return paragraphs[i]
    }

    /// Whether `text` has the shape of an address: `pp`/`op` (any case) and a number, then
    /// dotted numbers (`op1.5`, `op1.5.2`) and bracketed labels (`op3(b)`, `op3(b)(i)`), or
    /// bracketed labels alone (`(a)`).
    ///
    /// - Complexity: O(length of `text`).
    public static func isAddress(_ text: String) -> Bool {
        var rest = Substring(text)
        let prefix = rest.prefix(2).lowercased()
        var stem = false
        if prefix == "pp" || prefix == "op" {
            let digits = rest.dropFirst(2).prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty else { return false }
            rest = rest.dropFirst(2 + digits.count)
            stem = true
            while stem, rest.first == "." {
                let more = rest.dropFirst().prefix { $0.isASCII && $0.isNumber }
                guard !more.isEmpty else { return false }
                rest = rest.dropFirst(1 + more.count)
            }
        }
        var groups = 0
        while rest.first == "(" {
            guard let close = rest.firstIndex(of: ")") else { return false }
            let inside = rest[rest.index(after: rest.startIndex)..<close]
            guard !inside.isEmpty, inside.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == ".") }) else { return false }
            groups += 1
            rest = rest[rest.index(after: close)...]
        }
        return rest.isEmpty && (stem || groups > 0)
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        let s = Scalars(scalarsOf: self).trimmed()
        return s.string
    }
}

extension Resolution {
    /// The address of every paragraph, in order (see ``ClauseAddress``).
    public var clauseAddresses: [String] { ClauseAddress.addresses(for: paragraphs) }

    /// The address of `paragraph` (found by its index), e.g. `"op3(b)"`.
    public func address(of paragraph: Paragraph) -> String? {
        guard let i = paragraphs.firstIndex(where: { $0.index == paragraph.index }) else { return nil }
        return clauseAddresses[i]
    }

    /// The paragraph at `address` (`"pp2"`, `"op4"`, `"op3(b)"`, `"op1.5"`, `"op3(b)(i)"`), or `nil`.
    public func paragraph(at address: String) -> Paragraph? {
        ClauseAddress.paragraph(at: address, in: paragraphs)
    }
}

extension Paragraph {
    /// This paragraph's address among `paragraphs` (the body it belongs to).
    public func address(in paragraphs: [Paragraph]) -> String? {
        guard let i = paragraphs.firstIndex(where: { $0.index == index }) else { return nil }
        return ClauseAddress.addresses(for: paragraphs)[i]
    }
}
