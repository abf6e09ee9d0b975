import VigilCore

/// DrugCentral drug–target tables: a header naming the columns (quoted or not), then one row per
/// drug–target pair. `DRUG_NAME` → drug (lower-cased), each symbol of `GENE` (`IFNAR1|IFNAR2`) →
/// target, edge `targets`, scope reference. The DrugCentral id (`DRUG_ID` or `STRUCT_ID`) becomes
/// an alias `DrugCentral:<id>`. Rows with no gene, or an `ORGANISM` other than Homo sapiens, are
/// skipped (counted, not errors).
enum DrugCentral {
    static func read(_ path: String, into run: inout ImportRun) throws {
        let reader = try LineReader(path: path)
        var fields = Fields()
        var column: [String: Int] = [:]
        var drugs: [String: Int64] = [:]
        var targets: [String: Int64] = [:]
        let targetsPredicate = try run.loader.predicate(VigilCore.Predicate.targets)
        try reader.forEachLine { line in
            run.tick(reader)
            Fields.split(line, into: &fields)
            if reader.lineNumber == 1 {
                column = try columns(of: fields, in: path, required: ["DRUG_NAME", "GENE"], uppercased: true)
                return true
            }
            if line.isEmpty { return true }
            let drugColumn = column["DRUG_NAME"]!, geneColumn = column["GENE"]!
            guard fields.count > max(drugColumn, geneColumn) else {
                try run.bad(reader, .fieldCount(expected: column.count, found: fields.count))
                return true
            }
            let drugName = fields.string(drugColumn).lowercased()
            if drugName.isEmpty { try run.bad(reader, .emptyField("DRUG_NAME")); return true }
            if let o = column["ORGANISM"], o < fields.count, !fields.string(o).isEmpty, fields.string(o) != "Homo sapiens" {
                run.loader.summary.rowsSkipped += 1
                return true
            }
            let genes = fields.string(geneColumn).split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            if genes.isEmpty { run.loader.summary.rowsSkipped += 1; return true }
            let drug: Int64
            if let known = drugs[drugName] {
                drug = known
            } else {
                let idColumn = column["DRUG_ID"] ?? column["STRUCT_ID"]
                let external = idColumn.flatMap { $0 < fields.count ? fields.string($0) : nil }.flatMap { $0.isEmpty ? nil : "DrugCentral:\($0)" }
                drug = try run.loader.node(kind: .drug, name: drugName, externalID: external, source: "drugcentral:drug")
                drugs[drugName] = drug
            }
            for g in genes {
                let target: Int64
                if let known = targets[g.uppercased()] {
                    target = known
                } else {
                    target = try run.loader.node(kind: .target, name: g, externalID: nil, source: "drugcentral:target")
                    targets[g.uppercased()] = target
                }
                run.loader.edge(drug, targetsPredicate, target)
            }
            return true
        }
        if reader.lineNumber == 0 { throw ImportError.emptyFile(file: path) }
        run.finished(reader)
    }
}
