#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// Substring search on UTF-8 bytes. Foundation's `contains(_:)` goes through NSString and
    /// took most of the extraction time when cue phrases are looked up in every sentence. libc's
    /// `memchr` finds each candidate first byte with vector instructions, `memcmp` checks the rest.
    func has(_ needle: String) -> Bool {
        var hay = self
        var ndl = needle
        return hay.withUTF8 { h in
            ndl.withUTF8 { n in
                guard !n.isEmpty else { return true }
                guard n.count <= h.count, let hb = h.baseAddress, let nb = n.baseAddress else { return false }
                let first = Int32(nb[0])
                let last = h.count - n.count  // the last position a match can start at
                var i = 0
                while i <= last {
                    guard let p = memchr(hb + i, first, last - i + 1) else { return false }
                    let at = hb.distance(to: p.assumingMemoryBound(to: UInt8.self))
                    if memcmp(hb + at + 1, nb + 1, n.count - 1) == 0 { return true }
                    i = at + 1
                }
                return false
            }
        }
    }
}
