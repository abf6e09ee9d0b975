import Foundation
import Testing
import VigilImport

@Suite struct BadLineTests {
    let nodes = fixture("hetionet-nodes.tsv")
    let broken = fixture("hetionet-edges-broken.sif")

    @Test func badLinesAreSkippedAndReportedWithFileAndLine() throws {
        let db = temporaryDatabase()
        let s = try ReferenceImporter(databasePath: db).run(.hetionet, files: [nodes, broken], options: ImportOptions(maxErrors: 10))
        #expect(s.badLines.map(\.description) == [
            "\(broken):3: expected 3 tab-separated fields, found 2",
            "\(broken):4: unknown node 'Side Effect::C9999999' (not in the nodes file)",
            "\(broken):6: empty source",
            "\(broken):7: empty metaedge",
        ])
        #expect(s.edgesCreated == 3)
    }

    @Test func tooManyBadLinesImportNothing() throws {
        let db = temporaryDatabase()
        try ReferenceImporter(databasePath: db).run(.hetionet, files: [nodes, fixture("hetionet-edges.sif")])
        let before = try dump(db)
        #expect {
            try ReferenceImporter(databasePath: db).run(.hetionet, files: [nodes, broken], options: ImportOptions(maxErrors: 3))
        } throws: { error in
            guard case .tooManyBadLines(let limit, let lines) = error as? ImportError else { return false }
            return limit == 3 && lines.count == 4 && lines.last?.line == 7
        }
        #expect(try dump(db) == before)
    }

    @Test func theDefaultIsNoBadLineAtAll() throws {
        let db = temporaryDatabase()
        #expect(throws: ImportError.self) {
            try ReferenceImporter(databasePath: db).run(.hetionet, files: [nodes, broken])
        }
        #expect(try rows(db, "SELECT count(*) FROM node") == ["0"])
        #expect(try rows(db, "SELECT count(*) FROM import_batch") == ["0"])
    }

    @Test func errorMessagesAreTheCatalogue() {
        #expect(ImportError.tooManyBadLines(limit: 2, lines: []).description
                == "more than 2 bad lines (--max-errors 2): nothing imported")
        #expect(ImportError.wrongFileCount(format: .hetionet, given: 1).description
                == "--format hetionet takes NODES.tsv EDGES.sif[.gz], given 1 file")
        #expect(ImportError.cannotRead(file: "x.sif", cause: "no such file").description == "x.sif: cannot read: no such file")
        #expect(ImportError.missingColumns(file: "d.tsv", columns: ["GENE"]).description == "d.tsv: missing column GENE in the header")
    }

    @Test func aMissingFileIsReportedByName() throws {
        let db = temporaryDatabase()
        #expect(throws: ImportError.cannotRead(file: "/nonexistent/edges.sif", cause: "no such file")) {
            try ReferenceImporter(databasePath: db).run(.hetionet, files: [nodes, "/nonexistent/edges.sif"])
        }
    }
}
