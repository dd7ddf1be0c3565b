/// English function words that carry no evidence that two clauses are the same clause, and the
/// helpers that recognise them (and punctuation) by token key.
enum StopWords {
    static let words: [String] = [
        "a", "about", "above", "after", "again", "against", "all", "also", "alia", "am", "an",
        "and", "any", "are", "as", "at", "be", "been", "before", "being", "below", "between",
        "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each",
        "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here",
        "hers", "him", "his", "how", "i", "if", "in", "inter", "into", "is", "it", "its", "itself",
        "just", "may", "might", "more", "most", "must", "no", "nor", "not", "now", "of", "off",
        "on", "once", "only", "or", "other", "our", "ours", "out", "over", "own", "same", "shall",
        "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them",
        "themselves", "then", "there", "these", "they", "this", "those", "through", "thus", "to",
        "too", "under", "until", "up", "upon", "very", "was", "we", "well", "were", "what", "when",
        "where", "which", "while", "who", "whom", "whose", "why", "will", "with", "within",
        "without", "would", "you",
    ]

    /// Keys of the stop words, lower-case and capitalised (an open-addressing table: token keys are
    /// already well-mixed hashes, so this is cheaper than a `Set`).
    static let keys: KeyInterner = {
        var s = KeyInterner(capacity: 512)
        for w in words {
            for form in [w, w.prefix(1).uppercased() + w.dropFirst()] {
                for k in Tokenizer.rawKeys(form) { _ = s.intern(k) }
            }
        }
        return s
    }()

    /// Keys of single punctuation marks and symbols (ASCII and common typographic ones).
    static let punctuationKeys: KeyInterner = {
        var s = KeyInterner(capacity: 256)
        var chars: [Character] = []
        for v in 33..<127 {
            let c = Character(Unicode.Scalar(UInt8(v)))
            if !(c.isLetter || c.isNumber) { chars.append(c) }
        }
        chars += ["–", "—", "…", "•", "§", "«", "»", "“", "”", "‘", "’", "·", "¶"]
        for c in chars {
            for k in Tokenizer.rawKeys(String(c)) { _ = s.intern(k) }
        }
        _ = s.intern(Tokenizer.closingKey)
        return s
    }()

    @inline(__always)
    static func isStop(_ key: UInt64) -> Bool { keys.lookup(key) >= 0 }

    /// Stop word or punctuation.
    @inline(__always)
    static func isWeak(_ key: UInt64) -> Bool { keys.lookup(key) >= 0 || punctuationKeys.lookup(key) >= 0 }
}
