import VigilCore

/// KGX TSV (Biolink): a nodes file with `id`, `category` and usually `name`; an edges file with
/// `subject`, `predicate`, `object`. Categories map to kinds (the first that maps wins, else
/// `other`); the node's CURIE becomes an alias whose source is `kgx:<category>`. Drug →
/// target interactions become `targets`, drug → phenotype `causes`; every other predicate keeps
/// its Biolink name (`biolink:treats`).
enum KGX {
    static let kinds: [String: EntityKind] = [
        "biolink:Drug": .drug, "biolink:SmallMolecule": .drug, "biolink:ChemicalEntity": .drug,
        "biolink:ChemicalSubstance": .drug, "biolink:MolecularMixture": .drug,
        "biolink:Gene": .target, "biolink:Protein": .target, "biolink:GeneProduct": .target,
        "biolink:PhenotypicFeature": .reaction, "biolink:AdverseEvent": .reaction,
        "biolink:Disease": .indication,
    ]
    static let targetPredicates: Set<String> = [
        "biolink:interacts_with", "biolink:physically_interacts_with", "biolink:directly_physically_interacts_with",
        "biolink:molecularly_interacts_with", "biolink:affects", "biolink:binds",
    ]
    static let causePredicates: Set<String> = ["biolink:causes", "biolink:has_adverse_event", "biolink:has_side_effect"]

    static func read(nodes nodesPath: String, edges edgesPath: String, into run: inout ImportRun) throws {
        var ids = ByteKeyTable(capacity: 4096)
        var kindOf: [Int64: EntityKind] = [:]
        var fields = Fields()
        var column: [String: Int] = [:]
        let nodes = try LineReader(path: nodesPath)
        try nodes.forEachLine { line in
            run.tick(nodes)
            Fields.split(line, into: &fields)
            if nodes.lineNumber == 1 {
                column = try columns(of: fields, in: nodesPath, required: ["id", "category"])
                return true
            }
            if line.isEmpty { return true }
            let idc = column["id"]!, catc = column["category"]!
            guard fields.count > max(idc, catc) else {
                try run.bad(nodes, .fieldCount(expected: column.count, found: fields.count))
                return true
            }
            if fields[idc].isEmpty { try run.bad(nodes, .emptyField("id")); return true }
            if ids.value(for: fields[idc]) != nil { try run.bad(nodes, .duplicateNode(fields[idc].string)); return true }
            let curie = fields.string(idc)
            let categories = fields.string(catc).split(separator: "|").map(String.init)
            let category = categories.first { kinds[$0] != nil } ?? categories.first ?? "biolink:NamedThing"
            let kind = kinds[category] ?? .other
            var name = column["name"].flatMap { $0 < fields.count ? fields.string($0) : nil } ?? ""
            if name.isEmpty { name = curie }
            if kind == .drug || kind == .reaction || kind == .indication { name = name.lowercased() }
            let id = try run.loader.node(kind: kind, name: name, externalID: curie, source: "kgx:\(category)")
            ids.insert(fields[idc], value: id)
            kindOf[id] = kind
            return true
        }
        if nodes.lineNumber == 0 { throw ImportError.emptyFile(file: nodesPath) }
        run.finished(nodes)

        var predicates: [String: UInt16] = [:]
        let edges = try LineReader(path: edgesPath)
        try edges.forEachLine { line in
            run.tick(edges)
            Fields.split(line, into: &fields)
            if edges.lineNumber == 1 {
                column = try columns(of: fields, in: edgesPath, required: ["subject", "predicate", "object"])
                return true
            }
            if line.isEmpty { return true }
            let s = column["subject"]!, p = column["predicate"]!, o = column["object"]!
            guard fields.count > max(s, p, o) else {
                try run.bad(edges, .fieldCount(expected: column.count, found: fields.count))
                return true
            }
            guard let src = ids.value(for: fields[s]) else { try run.bad(edges, .unknownNode(fields[s].string)); return true }
            guard let dst = ids.value(for: fields[o]) else { try run.bad(edges, .unknownNode(fields[o].string)); return true }
            let biolink = fields.string(p)
            if biolink.isEmpty { try run.bad(edges, .emptyField("predicate")); return true }
            let predicate: VigilCore.Predicate
            switch (kindOf[src], kindOf[dst]) {
            case (.drug, .target) where targetPredicates.contains(biolink): predicate = .targets
            case (.drug, .reaction) where causePredicates.contains(biolink): predicate = .causes
            default: predicate = VigilCore.Predicate(biolink)
            }
            let index: UInt16
            if let known = predicates[predicate.rawValue] {
                index = known
            } else {
                index = try run.loader.predicate(predicate)
                predicates[predicate.rawValue] = index
            }
            run.loader.edge(src, index, dst)
            return true
        }
        if edges.lineNumber == 0 { throw ImportError.emptyFile(file: edgesPath) }
        run.finished(edges)
    }
}
