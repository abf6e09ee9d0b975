import Foundation
import VigilCore

/// Hetionet v1.0: `id name kind` nodes and `source metaedge target` edges.
///
/// Compound → drug, Gene → target (named by its symbol), Side Effect → reaction, Disease →
/// indication, every other kind → `other`; the Hetionet id (`Compound::DB00398`) becomes an alias
/// whose source is `hetionet:<kind>`, so the original kind is never lost. CbG → `targets`,
/// CcSE → `causes`; every other metaedge keeps its abbreviation as the predicate (`GiG`, `Gr>G`).
enum Hetionet {
    static let kinds: [String: EntityKind] = [
        "Compound": .drug, "Gene": .target, "Side Effect": .reaction, "Disease": .indication,
    ]

    static func predicate(metaedge: String) -> VigilCore.Predicate {
        switch metaedge {
        case "CbG": return .targets
        case "CcSE": return .causes
        default: return VigilCore.Predicate(metaedge)
        }
    }

    /// The stored name: drugs, reactions and indications lower-cased like the rest of the graph's
    /// vocabulary (`imatinib`, `alopecia`), gene symbols and other names as Hetionet writes them.
    static func name(_ name: String, kind: EntityKind) -> String {
        switch kind {
        case .drug, .reaction, .indication: return name.lowercased()
        default: return name
        }
    }

    static func read(nodes nodesPath: String, edges edgesPath: String, into run: inout ImportRun) throws {
        // The nodes file is small (Hetionet's: 2.5 MB): parsed in memory first, each external id
        // mapped to its line's position, so the edges can be parsed without the node ids.
        var ids = ByteKeyTable(capacity: 65_536)
        var rows: [(id: String, name: String, kind: String)] = []
        var fields = Fields()
        let nodes = try LineReader(path: nodesPath)
        try nodes.forEachLine { line in
            run.tick(nodes)
            Fields.split(line, into: &fields)
            if nodes.lineNumber == 1, fields.count == 3, fields[0].string == "id" { return true }
            if line.isEmpty { return true }
            guard fields.count == 3 else {
                try run.bad(nodes, .fieldCount(expected: 3, found: fields.count))
                return true
            }
            if fields[0].isEmpty { try run.bad(nodes, .emptyField("id")); return true }
            if fields[1].isEmpty { try run.bad(nodes, .emptyField("name")); return true }
            if ids.value(for: fields[0]) != nil { try run.bad(nodes, .duplicateNode(fields[0].string)); return true }
            ids.insert(fields[0], value: Int64(rows.count))
            rows.append((fields[0].string, fields[1].string, fields[2].string))
            return true
        }
        run.finished(nodes)
        trace("nodes file read")

        // Two things at once, on two cores: a second thread parses the edges file (gunzip, split,
        // two id lookups per line) while this one stores the nodes (SQLite); each takes about a
        // third of a second for Hetionet. The edges come back as node positions, mapped to node
        // ids once both are done.
        let handoff = ParsedEdgesHandoff()
        let budget = run.badLines.maxErrors - run.badLines.lines.count
        let progress = run.progress, started = run.started, total = run.inputBytes, before = run.finishedBytes
        let lineCount = run.rows, positions = ids
        Thread {
            handoff.result = Result {
                try parseEdges(edgesPath, ids: positions, budget: budget) { reader, n in
                    progress?(ImportProgress(phase: .reading, rows: lineCount + n, done: before + reader.bytesRead,
                                             total: total, elapsed: Date().timeIntervalSince(started)))
                }
            }
            trace("edges parsed (the parser thread)")
            handoff.done.signal()
        }.start()
        // Whatever happens here, the parser is waited for: no thread outlives the import.
        var nodeIDs: [Int64] = []
        let stored = Result {
            nodeIDs.reserveCapacity(rows.count)
            run.loader.reserveNodes(rows.count)
            var sources: [String: String] = [:]
            for r in rows {
                let kind = kinds[r.kind] ?? .other
                let source = sources[r.kind] ?? "hetionet:\(r.kind)"
                sources[r.kind] = source
                nodeIDs.append(try run.loader.node(kind: kind, name: name(r.name, kind: kind),
                                                   externalID: r.id, source: source))
            }
            trace("nodes stored")
        }
        handoff.done.wait()
        trace("nodes stored, edges parsed")
        try stored.get()
        let edges = try handoff.result.get()
        for b in edges.badLines { try run.badLines.report(b) }
        run.rows += edges.lines
        run.finishedBytes += edges.bytes

        let predicates = try edges.metaedges.map { try run.loader.predicate(predicate(metaedge: $0)) }
        run.loader.reserveEdges(edges.src.count)
        for k in edges.src.indices {
            run.loader.edge(nodeIDs[Int(edges.src[k])], predicates[Int(edges.metaedge[k])], nodeIDs[Int(edges.dst[k])])
        }
    }

    /// The parser thread's result.
    ///
    /// `@unchecked Sendable`: `result` is written only by the parser thread, before it signals
    /// `done`, and read only by the importer's thread after `done.wait()`; the semaphore orders them.
    final class ParsedEdgesHandoff: @unchecked Sendable {
        var result: Result<ParsedEdges, any Error> = .success(ParsedEdges())
        let done = DispatchSemaphore(value: 0)
    }

    /// The edges file as node positions (lines of the nodes file) and metaedge numbers.
    struct ParsedEdges {
        var src: [Int32] = []
        var dst: [Int32] = []
        var metaedge: [UInt16] = []
        var metaedges: [String] = []
        /// In file order; at most `budget + 1`, where parsing stops.
        var badLines: [BadLine] = []
        var lines = 0
        var bytes: Int64 = 0
    }

    /// Parses `source metaedge target` lines; touches nothing but its own state and `ids`.
    static func parseEdges(_ path: String, ids: ByteKeyTable, budget: Int,
                           progress: (LineReader, Int) -> Void) throws -> ParsedEdges {
        var out = ParsedEdges()
        var metaedges = ByteKeyTable(capacity: 64)
        var fields = Fields()
        let reader = try LineReader(path: path)
        func bad(_ problem: LineProblem) -> Bool {
            out.badLines.append(BadLine(file: reader.path, line: reader.lineNumber, problem: problem))
            return out.badLines.count <= budget
        }
        try reader.forEachLine { line in
            out.lines += 1
            if out.lines & 0xFFFF == 0 { progress(reader, out.lines) }
            Fields.split(line, into: &fields)
            if reader.lineNumber == 1, fields.count == 3, fields[0].string == "source" { return true }
            if line.isEmpty { return true }
            guard fields.count == 3 else { return bad(.fieldCount(expected: 3, found: fields.count)) }
            if fields[0].isEmpty { return bad(.emptyField("source")) }
            if fields[2].isEmpty { return bad(.emptyField("target")) }
            guard let src = ids.value(for: fields[0]) else { return bad(.unknownNode(fields[0].string)) }
            guard let dst = ids.value(for: fields[2]) else { return bad(.unknownNode(fields[2].string)) }
            if fields[1].isEmpty { return bad(.emptyField("metaedge")) }
            let m: Int64
            if let known = metaedges.value(for: fields[1]) {
                m = known
            } else {
                m = Int64(out.metaedges.count)
                out.metaedges.append(fields[1].string)
                metaedges.insert(fields[1], value: m)
            }
            out.src.append(Int32(truncatingIfNeeded: src))
            out.dst.append(Int32(truncatingIfNeeded: dst))
            out.metaedge.append(UInt16(truncatingIfNeeded: m))
            return true
        }
        out.bytes = reader.byteCount
        return out
    }
}
