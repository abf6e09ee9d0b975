import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A cache of the indexed vocabularies, so that a run reads one file instead of parsing and
/// indexing the TSVs (most of a short run's time), and of the pair scorer's weights, whose text
/// took a third of a one-line run to parse. The files stay the source of truth: the cache is used
/// only when its key matches — the index's version (`cacheVersion`), the memory layout of its
/// tables, and the identity (device, inode, size, change and modification times) of every TSV and
/// of the model, or its absence — and is otherwise rebuilt. It is written to a temporary file and
/// renamed, so a reader never sees half of one; where it cannot be written (a read-only home)
/// every run indexes the TSVs as before.
///
/// Every `vigil` built from the same sources shares one cache per vocabulary folder: a debug
/// build (the tests) and a release build of a checkout index its vocabularies once between them,
/// and a new build does not pay for indexing again (it was 0.2 s, more than extracting the ADE
/// corpus's 1.3 MB). The index's version must change whenever the tables built from the same
/// TSVs would differ: `LexiconCacheTests.indexOfAFixedVocabularyIsUnchanged` fails until it does.
///
/// Location: `$VIGIL_CACHE` (a directory; empty or `off` disables the cache), else
/// `$XDG_CACHE_HOME/vigil`, else `~/.cache/vigil`; one file per vocabulary folder.
extension Lexicon {
    static let vocabularyFiles = ["drugs.tsv", "target_families.tsv", "targets.tsv", "reactions.tsv"]
    /// The version of what indexing makes of the TSVs; see `LexiconCacheTests`.
    static let cacheVersion = 7
    private static var cacheMagic: [UInt8] { Array("vigil-lexicon-cache \(cacheVersion)\n".utf8) }

    /// The tables' memory layout as this build lays them out: sizes, and the bytes of a few
    /// slots (where an optional keeps its "none" differs between compilers).
    static let layoutFingerprint: String = {
        // The values' own bytes (an optional's size holds no padding); a slot's padding after
        // them is whatever memory held, and is left out.
        func bytes<T>(_ v: T) -> String {
            withUnsafeBytes(of: v) { $0.prefix(MemoryLayout<T>.size).map { String($0, radix: 16) }.joined(separator: ".") }
        }
        let values = [bytes(NameKey?.none), bytes(NameKey?.some(NameKey(first: 3, isPrefix: true))),
                      bytes(Float?.none), bytes(Float?.some(0.5))]
        func layout<V>(_: V.Type) -> String {
            "\(MemoryLayout<U64Table<V>.Slot>.size)/\(MemoryLayout<U64Table<V>.Slot>.stride)/"
                + "\(MemoryLayout<U64Table<V>.Slot>.offset(of: \.value).map(String.init) ?? "?")"
        }
        return "layout \(layout(NameKey.self)) \(layout(Float.self)) " + values.joined(separator: " ")
    }()

    /// Where cache files go by default; nil when caching is off or there is no home.
    static var defaultCacheFolder: URL? {
        let env = ProcessInfo.processInfo.environment
        if let v = env["VIGIL_CACHE"] {
            return v.isEmpty || v == "off" ? nil : URL(fileURLWithPath: v)
        } else if let x = env["XDG_CACHE_HOME"], !x.isEmpty {
            return URL(fileURLWithPath: x).appendingPathComponent("vigil")
        } else if let h = env["HOME"], !h.isEmpty {
            return URL(fileURLWithPath: h).appendingPathComponent(".cache/vigil")
        }
        return nil
    }

    /// The cache file for a vocabulary folder and the key its contents must carry; nil when a
    /// file cannot be examined (loading then reports the problem).
    static func cacheFile(for directory: URL, in folder: URL) -> (url: URL, key: [UInt8])? {
        let dir = directory.standardizedFileURL.path
        var key = cacheMagic
        key.append(contentsOf: "\(dir)\n\(layoutFingerprint)\n".utf8)
        for f in vocabularyFiles {
            guard let id = identity(dir + "/" + f) else { return nil }
            key.append(contentsOf: "\(f) \(id)\n".utf8)
        }
        key.append(contentsOf: "model \(identity(pairModelFile(directory).path) ?? "absent")\n".utf8)
        let name = "lexicon-" + String(stableHash(dir), radix: 16) + "-v\(cacheVersion).bin"
        return (folder.appendingPathComponent(name), key)
    }

    /// Device, inode, size, change and modification times of a file, nil when it cannot be examined.
    private static func identity(_ path: String) -> String? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        #if canImport(Darwin)
        let m = st.st_mtimespec, c = st.st_ctimespec
        #else
        let m = st.st_mtim, c = st.st_ctim
        #endif
        return "\(st.st_dev) \(st.st_ino) \(st.st_size) \(m.tv_sec).\(m.tv_nsec) \(c.tv_sec).\(c.tv_nsec)"
    }

    /// The pair scorer's weights beside a vocabulary folder (`Seeds/models/ade_pairs.tsv`).
    static func pairModelFile(_ directory: URL) -> URL {
        directory.deletingLastPathComponent().appendingPathComponent("models/ade_pairs.tsv")
    }

    /// The tables and the pair scorer in the cache file, nil when it is missing, is for another
    /// key, or is damaged.
    static func readCache(_ url: URL, key: [UInt8]) -> (tables: Tables, pairScorer: PairScorer?)? {
        // Mapped rather than read: the tables are copied out of it once.
        guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else { return nil }
        return data.withUnsafeBytes { raw -> (tables: Tables, pairScorer: PairScorer?)? in
            var r = CacheReader(raw)
            guard let k: [UInt8] = r.array(), k == key, let t = r.tables(), let p = r.pairScorer(),
                  r.at == raw.count else { return nil }
            return (t, p)
        }
    }

    /// Writes the cache file beside a temporary one and renames it; failures are ignored.
    static func writeCache(_ t: Tables, _ pairScorer: PairScorer?, to url: URL, key: [UInt8]) {
        var w = CacheWriter()
        w.array(key)
        w.tables(t)
        w.pairScorer(pairScorer)
        let dir = url.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        guard FileManager.default.createFile(atPath: tmp.path, contents: Data(w.bytes)) else { return }
        if rename(tmp.path, url.path) != 0 { unlink(tmp.path) }
        removeStaleCaches(in: dir, keeping: url.lastPathComponent)
    }

    /// How long a cache file no binary has rewritten is kept.
    static let staleAfter: TimeInterval = 30 * 24 * 3600

    /// Removes the cache files of other vocabulary folders or index versions (a deleted checkout,
    /// an older build; each about 12 MB) not written for `staleAfter`, and temporary files a
    /// killed run left, so that they do not pile up. A binary still in use whose file goes
    /// rebuilds it once.
    static func removeStaleCaches(in dir: URL, keeping name: String, now: Date = Date()) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return }
        for n in names where n != name && n.hasPrefix("lexicon-") && n.hasSuffix(".bin")
            || n.hasPrefix(".lexicon-") && n.hasSuffix(".tmp") {
            let path = dir.appendingPathComponent(n).path
            guard let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
                  now.timeIntervalSince(modified) > (n.hasSuffix(".tmp") ? 24 * 3600 : staleAfter) else { continue }
            unlink(path)
        }
    }
}

/// Appends arrays of plain values as a length and their bytes.
private struct CacheWriter {
    var bytes: [UInt8] = []

    mutating func array<T: BitwiseCopyable>(_ a: [T]) {
        var n = UInt64(a.count)
        withUnsafeBytes(of: &n) { bytes.append(contentsOf: $0) }
        a.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    mutating func strings(_ s: Lexicon.ByteStrings) {
        array(s.ends)
        array(s.bytes)
    }

    /// A table's slots as they lie in memory: valid for the executable that wrote them, which the
    /// cache key names.
    mutating func table<V: BitwiseCopyable>(_ t: U64Table<V>) {
        precondition(_isPOD(U64Table<V>.Slot.self))
        var n = UInt64(t.slots.count)
        withUnsafeBytes(of: &n) { bytes.append(contentsOf: $0) }
        t.slots.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    mutating func tables(_ t: Lexicon.Tables) {
        array(t.concepts.kinds)
        strings(t.concepts.names)
        array(t.concepts.ligands)
        // Family members: concept, member count, then the members' names.
        var members = Lexicon.ByteStrings()
        var heads: [Int32] = []
        for (c, m) in t.concepts.members.sorted(by: { $0.key < $1.key }) {
            heads.append(c)
            heads.append(Int32(m.count))
            for s in m { members.append(s) }
        }
        array(heads)
        strings(members)
        table(t.names)
        array(t.keyFilter)
        array(t.termConcepts)
        array(t.termShapes)
        array(t.termNext)
        strings(t.shapes)
    }

    /// The threshold (none when there is no model), then the weights.
    mutating func pairScorer(_ p: PairScorer?) {
        guard let p else { return array([Float]()) }
        array([p.threshold])
        table(p.table)
    }
}

/// Reads what `CacheWriter` wrote; nil as soon as the bytes do not fit.
private struct CacheReader {
    let raw: UnsafeRawBufferPointer
    var at = 0

    init(_ raw: UnsafeRawBufferPointer) { self.raw = raw }

    mutating func array<T: BitwiseCopyable>() -> [T]? {
        guard at + 8 <= raw.count else { return nil }
        let n = Int(raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))
        at += 8
        let size = MemoryLayout<T>.stride
        guard n >= 0, n <= (raw.count - at) / max(size, 1) else { return nil }
        let out = [T](unsafeUninitializedCapacity: n) { buf, count in
            if n > 0 {
                Self.preferHugePages(UnsafeMutableRawBufferPointer(buf))
                UnsafeMutableRawBufferPointer(buf).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[at..<(at + n * size)]))
            }
            count = n
        }
        at += n * size
        return out
    }

    /// Asks for 2 MiB pages under a large, untouched buffer: copying a table into 4 KiB pages
    /// cost a page fault every 4 KiB, most of loading the cache.
    private static func preferHugePages(_ buf: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
        let huge = 2 << 20
        guard buf.count >= 2 * huge, let base = buf.baseAddress else { return }
        let start = (Int(bitPattern: base) + huge - 1) & ~(huge - 1)
        let end = (Int(bitPattern: base) + buf.count) & ~(huge - 1)
        if end > start { _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_HUGEPAGE) }
        #endif
    }

    mutating func strings() -> Lexicon.ByteStrings? {
        guard let ends: [Int32] = array(), let bytes: [UInt8] = array() else { return nil }
        guard ends.last.map({ Int($0) == bytes.count }) ?? bytes.isEmpty else { return nil }
        return Lexicon.ByteStrings(ends: ends, bytes: bytes)
    }

    mutating func table<V: BitwiseCopyable>() -> U64Table<V>? {
        guard _isPOD(U64Table<V>.Slot.self), at + 8 <= raw.count else { return nil }
        let n = Int(raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))
        at += 8
        let size = MemoryLayout<U64Table<V>.Slot>.stride
        guard n >= 0, n <= (raw.count - at) / size else { return nil }
        let slots = [U64Table<V>.Slot](unsafeUninitializedCapacity: n) { buf, count in
            if n > 0 {
                Self.preferHugePages(UnsafeMutableRawBufferPointer(buf))
                UnsafeMutableRawBufferPointer(buf).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[at..<(at + n * size)]))
            }
            count = n
        }
        at += n * size
        return U64Table(slots: slots)
    }

    mutating func tables() -> Lexicon.Tables? {
        var t = Lexicon.Tables()
        guard let kinds: [UInt8] = array(), let names = strings(), let ligands: [Bool] = array(),
              let heads: [Int32] = array(), let members = strings(),
              let nameKeys: U64Table<Lexicon.NameKey> = table(),
              let keyFilter: [UInt64] = array(), keyFilter.isEmpty || keyFilter.count == 1 << (Lexicon.Tables.filterBits - 6),
              let termConcepts: [Int32] = array(), let termShapes: [Int32] = array(), let termNext: [Int32] = array(),
              let shapes = strings()
        else { return nil }
        let n = kinds.count
        let kindCount = Lexicon.ConceptTable.kindCodes.count  // once, not a lazy global's check per concept
        guard names.count == n, ligands.count == n, kinds.allSatisfy({ Int($0) < kindCount }),
              termConcepts.count == termShapes.count, termConcepts.count == termNext.count,
              termConcepts.allSatisfy({ $0 >= 0 && Int($0) < n }),
              termShapes.allSatisfy({ $0 >= -1 && Int($0) < shapes.count }),
              termNext.allSatisfy({ $0 >= -1 && Int($0) < termNext.count }),
              heads.count % 2 == 0,
              nameKeys.slots.allSatisfy({ ($0.value?.first ?? 0) < termConcepts.count }),
              names.isWellFormed, members.isWellFormed, shapes.isWellFormed
        else { return nil }
        t.concepts.kinds = kinds
        t.concepts.names = names
        t.concepts.ligands = ligands
        var m = 0
        for k in stride(from: 0, to: heads.count, by: 2) {
            let c = heads[k], count = Int(heads[k + 1])
            guard c >= 0, Int(c) < n, count > 0, m + count <= members.count else { return nil }
            t.concepts.members[c] = (m..<(m + count)).map { members.string($0) }
            m += count
        }
        guard m == members.count else { return nil }
        t.names = nameKeys
        t.keyFilter = keyFilter
        t.termConcepts = termConcepts
        t.termShapes = termShapes
        t.termNext = termNext
        t.shapes = shapes
        return t
    }

    /// What `CacheWriter.pairScorer` wrote: nil when damaged, else the scorer or `.some(nil)`
    /// when there was no model.
    mutating func pairScorer() -> PairScorer?? {
        guard let threshold: [Float] = array(), threshold.count <= 1 else { return nil }
        guard let th = threshold.first else { return .some(nil) }
        guard let table: U64Table<Float> = table() else { return nil }
        return PairScorer(table: table, threshold: th)
    }
}
