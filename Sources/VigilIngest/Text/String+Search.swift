#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// Substring search on UTF-8 bytes. Foundation's `contains(_:)` goes through NSString and
    /// took most of the extraction time when cue phrases are looked up in every sentence. libc's
    /// `memchr` finds each candidate anchor byte with vector instructions, `memcmp` checks the match.
    func has(_ needle: String) -> Bool {
        var hay = self
        var ndl = needle
        return hay.withUTF8 { h in
            ndl.withUTF8 { n in
                guard !n.isEmpty else { return true }
                guard n.count <= h.count, let hb = h.baseAddress, let nb = n.baseAddress else { return false }
                // Anchored on the first byte that is not a space: cue phrases often start with one
                // (" died "), and a space would stop the scan at every word.
                var j = 0
                while j < n.count - 1, nb[j] == 32 { j += 1 }
                let anchor = Int32(nb[j])
                let last = h.count - n.count  // the last position a match can start at
                var i = 0
                while i <= last {
                    guard let p = memchr(hb + i + j, anchor, last - i + 1) else { return false }
                    let at = hb.distance(to: p.assumingMemoryBound(to: UInt8.self)) - j
                    if memcmp(hb + at, nb, n.count) == 0 { return true }
                    i = at + 1
                }
                return false
            }
        }
    }
}

/// `String(decoding: bytes, as: UTF8.self).lowercased()` for valid UTF-8: ASCII bytes lower-cased
/// in place and every other scalar by its lower-case mapping, as `lowercased()` maps each scalar
/// (without its trip through a `String` per scalar for text that is mostly ASCII).
func lowercasedUTF8(_ bytes: [UInt8]) -> String {
    // Most lines and sentences are ASCII: lower-case them in one pass into the string's storage.
    let ascii = bytes.withUnsafeBufferPointer { p in
        var high: UInt8 = 0
        for b in p { high |= b }
        return high < 128
    }
    if ascii {
        return String(unsafeUninitializedCapacity: bytes.count) { out in
            bytes.withUnsafeBufferPointer { p in
                for i in 0..<p.count {
                    let b = p[i]
                    out[i] = b >= 65 && b <= 90 ? b + 32 : b
                }
            }
            return bytes.count
        }
    }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = 0
    var pending: [UInt8] = []
    while i < bytes.count {
        let b = bytes[i]
        if b < 128 {
            out.append(b >= 65 && b <= 90 ? b + 32 : b)
            i += 1
            continue
        }
        // One non-ASCII scalar: its bytes, lower-cased through the scalar's mapping.
        let n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
        pending.removeAll(keepingCapacity: true)
        pending.append(contentsOf: bytes[i..<min(i + n, bytes.count)])
        for s in String(decoding: pending, as: UTF8.self).unicodeScalars {
            out.append(contentsOf: s.properties.lowercaseMapping.utf8)
        }
        i += n
    }
    return String(decoding: out, as: UTF8.self)
}
