/// A hash table keyed by 64-bit hashes that are already well mixed (token and n-gram keys):
/// open addressing with Fibonacci hashing, no per-look-up `Hasher` run as `Dictionary` does.
/// A key and its value share a slot, so a look-up costs one cache miss rather than one per array.
struct U64Table<Value> {
    struct Slot {
        var key: UInt64
        /// nil in an empty slot.
        var value: Value?
    }

    private(set) var slots: [Slot]
    private var shift: UInt64
    private(set) var count = 0

    init(capacity: Int = 16) {
        var n = 16
        while n < capacity * 2 { n <<= 1 }
        slots = [Slot](repeating: Slot(key: 0, value: nil), count: n)
        shift = UInt64(64 - n.trailingZeroBitCount)
    }

    /// A table from the slots another table had (as a cache stores them); nil when they cannot be
    /// a table's.
    init?(slots: [Slot]) {
        let n = slots.count
        guard n >= 16, n & (n - 1) == 0 else { return nil }
        var used = 0
        for s in slots where s.value != nil { used += 1 }
        guard used * 2 <= n else { return nil }
        self.slots = slots
        count = used
        shift = UInt64(64 - n.trailingZeroBitCount)
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9e37_79b9_7f4a_7c15) >> shift) }

    subscript(key: UInt64) -> Value? {
        @inline(__always) get {
            var i = slot(key)
            return slots.withUnsafeBufferPointer { s in
                let mask = s.count - 1
                while let v = s[i].value {
                    if s[i].key == key { return v }
                    i = (i + 1) & mask
                }
                return nil
            }
        }
        set {
            guard let newValue else { fatalError("U64Table: removal is not supported") }
            if (count + 1) * 2 > slots.count { grow() }
            let mask = slots.count - 1
            var i = slot(key)
            while slots[i].value != nil {
                if slots[i].key == key { slots[i].value = newValue; return }
                i = (i + 1) & mask
            }
            slots[i] = Slot(key: key, value: newValue)
            count += 1
        }
    }

    private mutating func grow() {
        var bigger = U64Table(capacity: slots.count)
        for s in slots { if let v = s.value { bigger[s.key] = v } }
        self = bigger
    }
}

extension U64Table: Sendable where Value: Sendable {}
extension U64Table.Slot: Sendable where Value: Sendable {}
