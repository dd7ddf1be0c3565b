/// The clauses a merge is aligned with: the union of its parents' clauses, in parent order,
/// each clause id once (see ``Provenance``). ``Change/old`` indexes of a merge refer to this list.
public enum ParentUnion {
    /// For each union position, the parent and the index in that parent's clauses it comes from.
    /// A clause present in several parents is taken from the first parent, unless only a later
    /// parent's copy occurs verbatim in `newTexts` (the merged revision's paragraphs).
    /// O(total clauses).
    public static func sources(_ parents: [[ClauseRecord]], newTexts: Set<String>) -> [(parent: Int, index: Int)] {
        var origin: [(parent: Int, index: Int)] = []
        var position: [String: Int] = [:]
        for (p, list) in parents.enumerated() {
            for (i, r) in list.enumerated() {
                if let at = position[r.id] {
                    let current = parents[origin[at].parent][origin[at].index]
                    if parents.count > 1, !newTexts.contains(current.text), newTexts.contains(r.text) { origin[at] = (p, i) }
                    continue
                }
                position[r.id] = origin.count
                origin.append((p, i))
            }
        }
        return origin
    }
}
