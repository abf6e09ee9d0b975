import VigilCore

extension Lexicon {
    /// The indexed vocabularies as flat arrays of plain values: no string or array per name, so
    /// that a cache file holds them as they are and loading them is a copy.
    struct Tables: Sendable {
        var concepts = ConceptTable()
        /// Token key of a name or of the first words of one → its first term, and whether a longer
        /// name goes on from it: one look-up per token of running text.
        var names = U64Table<NameKey>()
        /// One bit per 22-bit key prefix, set for the keys `names` holds: 512 KiB that stay in
        /// cache, where a look-up in the 16 MiB table cost a cache miss for every word of the text
        /// (most words start no name). Empty until `indexKeys` fills it.
        var keyFilter: [UInt64] = []

        static let filterBits = 22

        @inline(__always)
        func mayHold(_ key: UInt64) -> Bool {
            guard !keyFilter.isEmpty else { return true }
            let bit = key >> UInt64(64 - Self.filterBits)
            return keyFilter[Int(bit >> 6)] & (1 << (bit & 63)) != 0
        }

        /// Fills `keyFilter` from the keys of `names`.
        mutating func indexKeys() {
            var f = [UInt64](repeating: 0, count: 1 << (Self.filterBits - 6))
            for slot in names.slots where slot.value != nil {
                let bit = slot.key >> UInt64(64 - Self.filterBits)
                f[Int(bit >> 6)] |= 1 << (bit & 63)
            }
            keyFilter = f
        }
        var termConcepts: [Int32] = []
        /// Index into `shapes`, -1 when the name may be matched in any case.
        var termShapes: [Int32] = []
        /// The next term of the same key, -1 at the end.
        var termNext: [Int32] = []
        var shapes = ByteStrings()

        /// Empty tables sized for the full vocabularies, so that indexing them never regrows a table.
        static func forVocabularies() -> Tables {
            var t = Tables()
            t.names = U64Table(capacity: 1 << 18)
            return t
        }
    }

    /// What a token key leads to.
    struct NameKey: Sendable, BitwiseCopyable {
        /// The first term of the names with this key (chained by `termNext`), -1 when none.
        var first: Int32
        /// Whether it is a proper prefix of a name, so that a match should read on.
        var isPrefix: Bool
    }

    /// The concepts: kind, name, ligand flag and family members, by index.
    struct ConceptTable: Sendable {
        var kinds: [UInt8] = []
        var names = ByteStrings()
        var ligands: [Bool] = []
        /// Members of the target families (the only concepts that have any).
        var members: [Int32: [String]] = [:]

        var count: Int { kinds.count }

        static let kindCodes: [EntityKind] = EntityKind.allCases

        @inline(__always)
        func kind(_ i: Int) -> EntityKind { Self.kindCodes[Int(kinds[i])] }

        func name(_ i: Int) -> String { names.string(i) }

        func isLigand(_ i: Int) -> Bool { ligands[i] }

        subscript(i: Int) -> Concept {
            Concept(kind: kind(i), name: names.string(i), members: members[Int32(i)] ?? [], isLigand: ligands[i])
        }

        mutating func append(_ c: Concept) {
            kinds.append(UInt8(Self.kindCodes.firstIndex(of: c.kind)!))
            names.append(c.name)
            ligands.append(c.isLigand)
            if !c.members.isEmpty { members[Int32(kinds.count - 1)] = c.members }
        }
    }

    /// A list of strings stored as one buffer of UTF-8 bytes and their end offsets.
    struct ByteStrings: Sendable {
        var ends: [Int32] = []
        var bytes: [UInt8] = []

        var count: Int { ends.count }

        /// Offsets that rise and stay within the bytes (checked on what a cache file gave).
        var isWellFormed: Bool {
            var last: Int32 = 0
            for e in ends {
                if e < last { return false }
                last = e
            }
            return Int(last) <= bytes.count
        }

        mutating func append(_ s: String) {
            bytes.append(contentsOf: s.utf8)
            ends.append(Int32(bytes.count))
        }

        @inline(__always)
        private func range(_ i: Int) -> Range<Int> { (i == 0 ? 0 : Int(ends[i - 1]))..<Int(ends[i]) }

        func string(_ i: Int) -> String { String(decoding: bytes[range(i)], as: UTF8.self) }

        /// Whether string `i` equals the string of these UTF-8 bytes, as Swift compares strings
        /// (canonical equivalence: equal bytes always, different bytes only beyond ASCII).
        func equals(_ i: Int, _ other: [UInt8]) -> Bool {
            let r = range(i)
            if r.count == other.count && bytes[r].elementsEqual(other) { return true }
            if !bytes[r].contains(where: { $0 >= 128 }) && !other.contains(where: { $0 >= 128 }) { return false }
            return string(i) == String(decoding: other, as: UTF8.self)
        }
    }
}
