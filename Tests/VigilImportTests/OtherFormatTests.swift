import Foundation
import Testing
import VigilImport
import VigilStore

@Suite struct DrugCentralImportTests {
    @Test func importsHumanDrugTargetPairs() throws {
        let db = temporaryDatabase()
        let s = try ReferenceImporter(databasePath: db).run(.drugcentral, files: [fixture("drugcentral.tsv")])
        #expect(s.edgesCreated == 4)
        #expect(s.rowsSkipped == 2)   // a mouse target, a row without a gene
        #expect(try rows(db, """
            SELECT s.name, e.predicate, d.name, e.scope FROM edges_from e JOIN node s ON s.id = e.src JOIN node d ON d.id = e.dst ORDER BY 1, 3
            """) == ["imatinib|targets|KIT|reference", "imatinib|targets|PDGFRB|reference",
                     "interferon beta-1a|targets|IFNAR1|reference", "interferon beta-1a|targets|IFNAR2|reference"])
        #expect(try GraphStore(path: db).resolve("DrugCentral:1425").map(\.name) == ["imatinib"])
    }

    @Test func aFileWithoutTheColumnsIsRefused() throws {
        let db = temporaryDatabase()
        #expect(throws: ImportError.missingColumns(file: fixture("kgx-edges.tsv"), columns: ["DRUG_NAME", "GENE"])) {
            try ReferenceImporter(databasePath: db).run(.drugcentral, files: [fixture("kgx-edges.tsv")])
        }
    }
}

@Suite struct KGXImportTests {
    @Test func mapsCategoriesAndPredicates() throws {
        let db = temporaryDatabase()
        let s = try ReferenceImporter(databasePath: db).run(.kgx, files: [fixture("kgx-nodes.tsv"), fixture("kgx-edges.tsv")],
                                                            options: ImportOptions(maxErrors: 1))
        #expect(s.badLines.map(\.description) == ["\(fixture("kgx-edges.tsv")):6: unknown node 'GO:9999999' (not in the nodes file)"])
        #expect(try rows(db, """
            SELECT s.kind, s.name, e.predicate, d.kind, d.name FROM edges_from e JOIN node s ON s.id = e.src JOIN node d ON d.id = e.dst ORDER BY 3
            """) == ["target|PDGFRB|biolink:participates_in|other|DNA replication",
                     "drug|imatinib|biolink:treats|indication|colorectal cancer",
                     "drug|imatinib|causes|reaction|alopecia",
                     "drug|imatinib|targets|target|PDGFRB"])
        #expect(try rows(db, "SELECT alias, source FROM alias WHERE key = 'go:0006260'") == ["GO:0006260|kgx:biolink:BiologicalProcess"])
    }
}

@Suite struct ProgressBarTests {
    @Test func rendersPhaseRateAndETA() {
        let p = ImportProgress(phase: .reading, rows: 500_000, done: 25, total: 100, elapsed: 2)
        #expect(ProgressBar.line(p, width: 10) == "reading  [==>       ] 25%  500000 rows  250000 rows/s  ETA 6s")
    }
}
