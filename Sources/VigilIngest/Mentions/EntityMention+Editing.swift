import VigilCore

extension [EntityMention] {
    /// Reading order, as `sortInReadingOrder`, but a drug whose level is the reaction starts inside
    /// it rather than where it starts ("serum lithium level"): embedded drugs follow by index.
    mutating func sortKeepingEmbeddedDrugs() {
        let order = indices.sorted {
            (self[$0].tokens.lowerBound, self[$0].kind == .drug ? 0 : 1, $0)
                < (self[$1].tokens.lowerBound, self[$1].kind == .drug ? 0 : 1, $1)
        }
        var at = [Int](repeating: 0, count: order.count)
        for (j, i) in order.enumerated() { at[i] = j }
        self = order.map { i in
            var m = self[i]
            if let d = m.embeddedDrug { m.embeddedDrug = at[d] }
            return m
        }
    }

    /// Removes the mentions at `removed`, keeping embedded drugs pointing at the same mention (nil
    /// when it was removed).
    mutating func remove(at removed: Set<Int>) {
        // Nothing to remove (most calls): rebuilding the array and the map cost more than the pass.
        guard !removed.isEmpty else { return }
        removeReindexing(removed)
    }

    /// `remove(at:)`, returning each kept mention's new index by its old one.
    @discardableResult
    private mutating func removeReindexing(_ removed: Set<Int>) -> [Int: Int] {
        var newIndex: [Int: Int] = [:]
        var kept: [EntityMention] = []
        for (i, m) in enumerated() where !removed.contains(i) {
            newIndex[i] = kept.count
            kept.append(m)
        }
        for i in kept.indices { if let d = kept[i].embeddedDrug { kept[i].embeddedDrug = newIndex[d] } }
        self = kept
        return newIndex
    }

    /// Replaces the mentions at `removed` with `added`, whose embedded drugs (indices into the
    /// mentions before the removal) are moved with the rest, then puts all in reading order.
    mutating func replace(_ removed: Set<Int>, with added: [EntityMention]) {
        var added = added
        let newIndex = removeReindexing(removed)
        for i in added.indices { if let d = added[i].embeddedDrug { added[i].embeddedDrug = newIndex[d] } }
        append(contentsOf: added)
        sortKeepingEmbeddedDrugs()
    }
}
