extension Array where Element: Comparable {
    /// Sorts the elements and keeps one of each run of equal ones, in place: a sorted set as an
    /// array (the word 4-grams of a text, the shingles of a wording), compared by merge walks.
    ///
    /// - Complexity: O(n log n).
    public mutating func sortAndRemoveDuplicates() {
        sort()
        var unique = 0
        for i in indices where unique == 0 || self[unique - 1] != self[i] {
            self[unique] = self[i]
            unique += 1
        }
        removeLast(count - unique)
    }
}
