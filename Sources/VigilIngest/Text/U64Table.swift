/// A hash table keyed by 64-bit hashes that are already well mixed (token and n-gram keys):
/// open addressing with Fibonacci hashing, no per-look-up `Hasher` run as `Dictionary` does.
struct U64Table<Value>: @unchecked Sendable {
    private(set) var keys: [UInt64]
    private(set) var values: [Value?]
    private(set) var used: [Bool]
    private var shift: UInt64
    private(set) var count = 0

    /// A table from the arrays another table exposed (`keys`, `values`, `used`), as a cache
    /// stores them; nil when they cannot be a table's.
    init?(keys: [UInt64], values: [Value?], used: [Bool], count: Int) {
        let n = keys.count
        guard n >= 16, n & (n - 1) == 0, values.count == n, used.count == n, count * 2 <= n else { return nil }
        self.keys = keys
        self.values = values
        self.used = used
        self.count = count
        shift = UInt64(64 - n.trailingZeroBitCount)
    }

    init(capacity: Int = 16) {
        var n = 16
        while n < capacity * 2 { n <<= 1 }
        keys = [UInt64](repeating: 0, count: n)
        values = [Value?](repeating: nil, count: n)
        used = [Bool](repeating: false, count: n)
        shift = UInt64(64 - n.trailingZeroBitCount)
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9e37_79b9_7f4a_7c15) >> shift) }

    subscript(key: UInt64) -> Value? {
        @inline(__always) get {
            let mask = keys.count - 1
            var i = slot(key)
            return keys.withUnsafeBufferPointer { k in
                used.withUnsafeBufferPointer { u in
                    while u[i] {
                        if k[i] == key { return values[i] }
                        i = (i + 1) & mask
                    }
                    return nil
                }
            }
        }
        set {
            guard let newValue else { fatalError("U64Table: removal is not supported") }
            if (count + 1) * 2 > keys.count { grow() }
            let mask = keys.count - 1
            var i = slot(key)
            while used[i] {
                if keys[i] == key { values[i] = newValue; return }
                i = (i + 1) & mask
            }
            used[i] = true
            keys[i] = key
            values[i] = newValue
            count += 1
        }
    }

    @inline(__always)
    func contains(_ key: UInt64) -> Bool {
        let mask = keys.count - 1
        var i = slot(key)
        return keys.withUnsafeBufferPointer { k in
            used.withUnsafeBufferPointer { u in
                while u[i] {
                    if k[i] == key { return true }
                    i = (i + 1) & mask
                }
                return false
            }
        }
    }

    private mutating func grow() {
        var bigger = U64Table(capacity: keys.count)
        for i in keys.indices where used[i] { bigger[keys[i]] = values[i] }
        self = bigger
    }
}
