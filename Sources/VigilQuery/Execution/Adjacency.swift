import Foundation
import GRDB
import GRDBSQLite
import VigilCore

/// Every node-to-node edge in memory, in both directions, as compressed sparse rows: node n's
/// entries are `offsets[n] ..< offsets[n + 1]` of `neighbours` and `tags`, its in-edges first.
///
/// A walk over index probes pays a statement run per node and a step per edge; here a node's
/// edges are a slice of an array. On Hetionet (1.4 million edges) it takes 11 MB of neighbours
/// and 2.8 MB of tags, and is read once per database version (`AdjacencyCache`): about 55 ms from
/// the 49,722 subject rows of `reference_link`, 300 ms from as many `edge` rows as edges.
struct Adjacency: Sendable {
    let offsets: [Int32]
    let neighbours: [Int32]
    /// Per entry: the predicate's index in `predicates` << 2 | outgoing << 1 | negated.
    let tags: [UInt8]
    let predicates: [String]

    /// One more than the largest node id.
    var size: Int { offsets.count - 1 }

    /// Edges above which none is built (the probes serve instead): about 10 bytes an edge.
    static let maxEdges = 20_000_000

    static let negated: UInt8 = 1
    static let outgoing: UInt8 = 2

    /// Every node-to-node edge of `edge` (SQLite reads it from the covering index `edge_in`).
    static let everyEdge = "SELECT src, dst, predicate, assertion FROM edge WHERE dst IS NOT NULL"
    /// Every reference link once, from its subject's row: the other ends are a JSON array of ids.
    static let everyLink = "SELECT node, predicate, ids FROM reference_link WHERE inbound = 0"

    /// The graph read from `db`, or nil when it is too large to hold (or has more than 63 predicates).
    static func read(_ db: Database, size: Int, maxEdges: Int = maxEdges) throws -> Adjacency? {
        // Ids and offsets are Int32; the offsets take 4 bytes per id below the bound.
        guard size < Int32.max, size <= 2 * maxEdges else { return nil }
        var src: [Int32] = [], dst: [Int32] = [], tag: [UInt8] = []
        var predicates = PredicateCodes()
        // Stepped through the C API, as `IndexProbe` does: per row it is most of the cost.
        let statement = try db.makeStatement(sql: everyEdge)
        let s = statement.sqliteStatement
        var code = sqlite3_step(s)
        while code == SQLITE_ROW {
            let a = sqlite3_column_int64(s, 0), b = sqlite3_column_int64(s, 1)
            guard a >= 0, b >= 0, a < size, b < size, src.count < maxEdges else { return nil }
            // As blobs: the text form of a value read from a record is copied to add a NUL.
            let p = UnsafeRawBufferPointer(start: sqlite3_column_blob(s, 2), count: Int(sqlite3_column_bytes(s, 2)))
            guard let last = predicates.code(p) else { return nil }
            src.append(Int32(a))
            dst.append(Int32(b))
            // The schema allows one assertion that starts with "n".
            let negatedEdge = sqlite3_column_blob(s, 3)?.load(as: UInt8.self) == UInt8(ascii: "n")
            tag.append(UInt8(last) << 2 | (negatedEdge ? negated : 0))
            code = sqlite3_step(s)
        }
        if code != SQLITE_DONE {
            throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: everyEdge)
        }
        // The links, every one affirmed. The arrays are read as bytes, digits and commas, rather
        // than through json_each (a row per link would cost a step each, as edge rows do), into
        // runs: a subject, a tag, and the end of its objects in `objects`.
        var runs: [(subject: Int, tag: UInt8, end: Int)] = [], objects: [Int32] = []
        let links = try db.makeStatement(sql: everyLink)
        let l = links.sqliteStatement
        code = sqlite3_step(l)
        while code == SQLITE_ROW {
            let a = sqlite3_column_int64(l, 0)
            guard a >= 0, a < size else { return nil }
            let p = UnsafeRawBufferPointer(start: sqlite3_column_blob(l, 1), count: Int(sqlite3_column_bytes(l, 1)))
            guard let last = predicates.code(p) else { return nil }
            let ids = UnsafeBufferPointer(start: sqlite3_column_blob(l, 2)?.assumingMemoryBound(to: UInt8.self),
                                          count: Int(sqlite3_column_bytes(l, 2)))
            var inRange = true
            let wellFormed = LinkList.forEach(in: ids) { b in
                if b >= 0, b < size { objects.append(Int32(b)) } else { inRange = false }
            }
            guard wellFormed, inRange, src.count + objects.count <= maxEdges else { return nil }
            runs.append((Int(a), UInt8(last) << 2, objects.count))
            code = sqlite3_step(l)
        }
        if code != SQLITE_DONE {
            throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: everyLink)
        }

        /// Calls `body` with every edge and link: subject, object, tag.
        func each(_ body: (Int, Int, UInt8) -> Void) {
            src.withUnsafeBufferPointer { src in
                dst.withUnsafeBufferPointer { dst in
                    tag.withUnsafeBufferPointer { tag in
                        for i in src.indices { body(Int(src[i]), Int(dst[i]), tag[i]) }
                    }
                }
            }
            objects.withUnsafeBufferPointer { objects in
                var from = 0
                for r in runs {
                    for k in from ..< r.end { body(r.subject, Int(objects[k]), r.tag) }
                    from = r.end
                }
            }
        }
        var offsets = [Int32](repeating: 0, count: size + 1)
        offsets.withUnsafeMutableBufferPointer { offsets in
            each { a, b, _ in
                offsets[a + 1] += 1
                offsets[b + 1] += 1
            }
            for n in 0 ..< size { offsets[n + 1] += offsets[n] }
        }
        var neighbours = [Int32](repeating: 0, count: Int(offsets[size]))
        var tags = [UInt8](repeating: 0, count: neighbours.count)
        var next = Array(offsets.dropLast())
        next.withUnsafeMutableBufferPointer { next in
            neighbours.withUnsafeMutableBufferPointer { neighbours in
                tags.withUnsafeMutableBufferPointer { tags in
                    // All in-edges first, then all out-edges: each node's entries come in that order.
                    each { a, b, t in
                        let at = Int(next[b])
                        next[b] += 1
                        neighbours[at] = Int32(a)
                        tags[at] = t
                    }
                    each { a, b, t in
                        let at = Int(next[a])
                        next[a] += 1
                        neighbours[at] = Int32(b)
                        tags[at] = t | outgoing
                    }
                }
            }
        }
        return Adjacency(offsets: offsets, neighbours: neighbours, tags: tags,
                         predicates: predicates.names)
    }

    /// The tag of `predicate`'s in-edges (negated bit clear), or nil when no edge has it. With at
    /// most 63 predicates no tag is 255, which can then stand for a predicate no edge has.
    func code(of predicate: String) -> UInt8? {
        predicates.firstIndex(of: predicate).map { UInt8($0) << 2 }
    }

    /// Calls `body` with each entry of `node` (neighbour, tag) until it returns true; returns whether it did.
    @inline(__always) @discardableResult
    func entries(of node: Int64, _ body: (Int32, UInt8) throws -> Bool) rethrows -> Bool {
        guard node >= 0, node < size else { return false }
        let n = Int(node)
        for i in Int(offsets[n]) ..< Int(offsets[n + 1]) where try body(neighbours[i], tags[i]) { return true }
        return false
    }
}

/// The predicates of `Adjacency.read`, numbered as first seen.
private struct PredicateCodes {
    private var seen: [[UInt8]] = []
    private var last = -1
    var names: [String] { seen.map { String(decoding: $0, as: UTF8.self) } }

    /// The predicate's number, or nil past 63 predicates. Rows come in index order, so the
    /// predicate is mostly the one before.
    mutating func code(_ bytes: UnsafeRawBufferPointer) -> Int? {
        func same(_ k: Int) -> Bool {
            seen[k].count == bytes.count
                && seen[k].withUnsafeBytes { bytes.isEmpty || memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
        }
        if last >= 0, same(last) { return last }
        if let k = seen.indices.first(where: same) {
            last = k
        } else {
            guard seen.count < 63 else { return nil }
            seen.append(Array(bytes))
            last = seen.count - 1
        }
        return last
    }
}

/// The store's adjacency, read at most once per database version: a commit by another connection
/// changes `PRAGMA data_version`, one by the engine's own connection its total change count.
///
/// The first query that could use it on a version runs over the probes instead, and the second
/// reads it: one query alone (`vigil query`) never pays for the read, and a session of queries
/// pays once. With Hetionet packed as reference links the read is about 55 ms (300 ms as 1.4
/// million edge rows), still more than a first distance or shared-neighbour count over the
/// probes (8–30 ms, page cache dropped); only `nodes within 3` is faster reading first (75 ms
/// against 160 ms).
///
/// `@unchecked Sendable`: the mutable state is only read and written with `lock` held.
final class AdjacencyCache: @unchecked Sendable {
    private struct Version: Equatable {
        var data: Int64
        var changes: Int
        var size: Int
    }

    private let lock = NSLock()
    private var held: (version: Version, adjacency: Adjacency?)?
    /// The version of the last query answered without the adjacency.
    private var asked: Version?
    /// How many times the adjacency was read (for tests).
    private(set) var reads = 0

    /// The adjacency of `db`'s current snapshot: the one held if the database has not changed
    /// since it was read, else read now, unless this is the first query of this version (nil).
    /// Nil too when the graph is too large to hold.
    func adjacency(_ db: Database) throws -> Adjacency? {
        // A read first, so that the transaction's snapshot is taken before the version is read.
        let size = try db.nodeIDBound()
        let data = try Int64.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? 0
        let version = Version(data: data, changes: db.totalChangesCount, size: size)
        lock.lock()
        defer { lock.unlock() }
        if let held, held.version == version { return held.adjacency }
        guard asked == version else {
            asked = version
            return nil
        }
        let adjacency = try Adjacency.read(db, size: size)
        held = (version, adjacency)
        reads += 1
        return adjacency
    }
}
