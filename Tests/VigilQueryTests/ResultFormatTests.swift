import Testing
import VigilQuery

/// The output formats, as literal text.
struct ResultFormatTests {
    static let result = QueryResult(
        columns: ["drug", "shared", "targets"],
        rows: [[.text("sunitinib"), .integer(4), .text("FLT1, KDR")],
               [.text("say \"hi\""), .integer(12), .null]])

    @Test func table() {
        #expect(ResultFormat.table.render(Self.result) == """
            drug       shared  targets
            ---------  ------  ---------
            sunitinib       4  FLT1, KDR
            say "hi"       12
            (2 rows)

            """)
    }

    @Test func json() {
        #expect(ResultFormat.json.render(Self.result) == """
            [
              {"drug": "sunitinib", "shared": 4, "targets": "FLT1, KDR"},
              {"drug": "say \\"hi\\"", "shared": 12, "targets": null}
            ]

            """)
    }

    @Test func jsonLines() {
        #expect(ResultFormat.jsonl.render(Self.result) == """
            {"drug": "sunitinib", "shared": 4, "targets": "FLT1, KDR"}
            {"drug": "say \\"hi\\"", "shared": 12, "targets": null}

            """)
    }

    @Test func csv() {
        #expect(ResultFormat.csv.render(Self.result) == "drug,shared,targets\r\nsunitinib,4,\"FLT1, KDR\"\r\n\"say \"\"hi\"\"\",12,\r\n")
    }

    @Test func emptyResult() {
        let empty = QueryResult(columns: ["path", "length"], rows: [])
        #expect(ResultFormat.table.render(empty) == "path  length\n----  ------\n(0 rows)\n")
        #expect(ResultFormat.json.render(empty) == "[]\n")
        #expect(ResultFormat.jsonl.render(empty) == "")
    }
}
