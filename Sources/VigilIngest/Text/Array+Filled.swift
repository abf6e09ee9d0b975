extension Array {
    /// `Array(repeating:count:)` through `reserveCapacity` and `append(contentsOf:)`, which are
    /// specialised for the element type: the standard initialiser allocates through an
    /// unspecialised generic path that looks up the storage class's metadata on every call, some
    /// 600 instructions for each of the few small per-document arrays.
    @inline(__always)
    init(filled value: Element, count: Int) {
        self.init()
        reserveCapacity(count)
        append(contentsOf: repeatElement(value, count: count))
    }
}
