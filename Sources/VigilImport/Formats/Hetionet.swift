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
        var ids = ByteKeyTable(capacity: 65_536)
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
            let hetioKind = fields[2].string
            let kind = kinds[hetioKind] ?? .other
            let id = try run.loader.node(kind: kind, name: name(fields[1].string, kind: kind),
                                         externalID: fields[0].string, source: "hetionet:\(hetioKind)")
            ids.insert(fields[0], value: id)
            return true
        }
        run.finished(nodes)

        var metaedges = ByteKeyTable(capacity: 64)
        let edges = try LineReader(path: edgesPath)
        try edges.forEachLine { line in
            run.tick(edges)
            Fields.split(line, into: &fields)
            if edges.lineNumber == 1, fields.count == 3, fields[0].string == "source" { return true }
            if line.isEmpty { return true }
            guard fields.count == 3 else {
                try run.bad(edges, .fieldCount(expected: 3, found: fields.count))
                return true
            }
            if fields[0].isEmpty { try run.bad(edges, .emptyField("source")); return true }
            if fields[2].isEmpty { try run.bad(edges, .emptyField("target")); return true }
            guard let src = ids.value(for: fields[0]) else { try run.bad(edges, .unknownNode(fields[0].string)); return true }
            guard let dst = ids.value(for: fields[2]) else { try run.bad(edges, .unknownNode(fields[2].string)); return true }
            if fields[1].isEmpty { try run.bad(edges, .emptyField("metaedge")); return true }
            let p: UInt16
            if let known = metaedges.value(for: fields[1]) {
                p = UInt16(known)
            } else {
                p = run.loader.predicate(predicate(metaedge: fields[1].string))
                metaedges.insert(fields[1], value: Int64(p))
            }
            run.loader.edge(src, p, dst)
            return true
        }
        run.finished(edges)
    }
}
