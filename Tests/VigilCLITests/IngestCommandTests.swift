import Foundation
import Testing

/// `vigil ingest` and `vigil extract` through the binary: formats, bad files, idempotence.
@Suite struct IngestCommands {
    static let fixtures = VigilBinary.packageRoot.appendingPathComponent("Tests/VigilCLITests/Fixtures")
    static let reports = VigilBinary.packageRoot.appendingPathComponent("Seeds/reports")

    func freshDatabase() throws -> String {
        let db = temporaryDirectory().appendingPathComponent("v.db").path
        #expect(try VigilBinary.run(["init", "--empty", "--db", db]).status == 0)
        return db
    }

    func stats(_ db: String) throws -> [String: Any] {
        let s = try VigilBinary.run(["stats", "--json", "--db", db])
        return try JSONSerialization.jsonObject(with: Data(s.stdout.utf8)) as! [String: Any]
    }

    @Test func ingestingTheSeedsTwiceAddsNothingTheSecondTime() throws {
        let db = try freshDatabase()
        let first = try VigilBinary.run(["ingest", "--db", db, Self.reports.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("documents stored 5, duplicates skipped 0"))
        let after = try stats(db)
        #expect(after["documents"] as? Int == 5)
        let second = try VigilBinary.run(["ingest", "--db", db, Self.reports.path])
        #expect(second.status == 0)
        #expect(second.stdout.hasPrefix("documents stored 0, duplicates skipped 5, new triples 0, new evidence 0"))
        #expect(NSDictionary(dictionary: try stats(db)) == NSDictionary(dictionary: after))
    }

    @Test func pubmedXMLHoldsOneDocumentPerArticle() throws {
        let r = try VigilBinary.run(["extract", "--format", "jsonl", Self.fixtures.appendingPathComponent("two-articles.xml").path])
        #expect(r.status == 0, "\(r.stderr)")
        let docs = r.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(docs.map { $0["pmid"] as? String } == ["90000001", "90000002"])
        #expect(docs.map { $0["source"] as? String } == ["PMID:90000001", "PMID:90000002"])
        #expect(docs[0]["doi"] as? String == "10.1000/invented.1")
        #expect(docs[0]["year"] as? Int == 2014)
        #expect(docs[0]["journal"] as? String == "Journal of Invented Dermatology")
        #expect(docs[0]["title"] as? String == "Acute generalized exanthematous pustulosis induced by sorafenib.")
    }

    @Test func aCaseReportAbstractDescribesItsPatient() throws {
        let r = try VigilBinary.run(["extract", "--format", "jsonl", Self.fixtures.appendingPathComponent("two-articles.xml").path])
        let docs = r.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        let cases = docs.map { $0["cases"] as! [[String: Any]] }
        #expect(cases.map(\.count) == [1, 1])
        #expect(cases[1].first?["age"] as? Int == 62)
        #expect(cases[1].first?["sex"] as? String == "male")
        #expect(cases[0].first?["sex"] as? String == "female")
        let reactions = cases[1].first?["reactions"] as? [[String: Any]] ?? []
        #expect(reactions.map { $0["name"] as? String } == ["coronary vasospasm"])
    }

    @Test func medlineHoldsOneDocumentPerRecordWithContinuationLines() throws {
        let r = try VigilBinary.run(["extract", "--format", "jsonl", Self.fixtures.appendingPathComponent("two-articles.medline").path])
        #expect(r.status == 0, "\(r.stderr)")
        let docs = r.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(docs.map { $0["pmid"] as? String } == ["90000003", "90000004"])
        #expect(docs[0]["title"] as? String == "Alopecia resembling alopecia areata following sorafenib treatment.")
        #expect(docs[0]["doi"] as? String == "10.1000/invented.3")
        #expect(docs[0]["year"] as? Int == 2017)
    }

    @Test func linesModeNumbersEachLineAndReadsStandardInput() throws {
        let r = try VigilBinary.run(["extract", "--format", "jsonl", "--lines", "-"],
                                    input: "Sorafenib-induced alopecia.\n\nImatinib caused edema.\n")
        #expect(r.status == 0)
        let docs = r.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(docs.map { $0["line"] as? Int } == [1, 3])
        #expect(docs.allSatisfy { $0["source"] as? String == "-" })
    }

    @Test func extractionIsTheSameOnOneThreadOrMany() throws {
        let lines = (0..<300).map { i in i % 3 == 0 ? "Sorafenib-induced alopecia in case \(i)." : "Imatinib caused edema (\(i))." }
        let input = lines.joined(separator: "\n") + "\n"
        let one = try VigilBinary.run(["extract", "--format", "jsonl", "--lines", "-"], input: input, environment: ["VIGIL_JOBS": "1"])
        let many = try VigilBinary.run(["extract", "--format", "jsonl", "--lines", "-"], input: input, environment: ["VIGIL_JOBS": "3"])
        #expect(one.status == 0 && many.status == 0)
        #expect(one.stdout.split(separator: "\n").count == 300)
        #expect(many.stdout == one.stdout)
        let reports = Self.reports.path
        let r1 = try VigilBinary.run(["extract", "--format", "json", reports], environment: ["VIGIL_JOBS": "1"])
        let r3 = try VigilBinary.run(["extract", "--format", "json", reports], environment: ["VIGIL_JOBS": "3"])
        #expect(r3.stdout == r1.stdout && r1.status == 0)
    }

    /// A file of white space, ASCII or Unicode (no-break, ideographic), holds no document.
    @Test func whiteSpaceOnlyFilesAreEmpty() throws {
        let dir = temporaryDirectory()
        let ascii = dir.appendingPathComponent("ascii.txt").path, unicode = dir.appendingPathComponent("unicode.txt").path
        FileManager.default.createFile(atPath: ascii, contents: Data(" \n\t\r\n".utf8))
        FileManager.default.createFile(atPath: unicode, contents: Data("\u{00A0} \u{3000}\n".utf8))
        let r = try VigilBinary.run(["extract", "--format", "jsonl", ascii, unicode])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.split(separator: "\n").map(String.init).sorted()
                == ["vigil: \(ascii): empty file (only white space)", "vigil: \(unicode): empty file (only white space)"])
    }

    @Test func badFilesAreNamedAndTheOthersGoOn() throws {
        let dir = temporaryDirectory()
        func write(_ name: String, _ data: Data) -> String {
            let p = dir.appendingPathComponent(name).path
            FileManager.default.createFile(atPath: p, contents: data)
            return p
        }
        let empty = write("empty.txt", Data())
        let binary = write("binary.txt", Data([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01, 0x02]))
        let latin1 = write("latin1.txt", Data("Caf".utf8) + Data([0xe9]) + Data(" induced rash".utf8))
        let huge = write("huge.txt", Data(repeating: 0x61, count: 2 << 20))
        let badXML = write("broken.xml", Data("<?xml version=\"1.0\"?>\n<PubmedArticleSet><PubmedArticle>\n</PubmedArticleSet>".utf8))
        let good = Self.reports.appendingPathComponent("002_b4e2712864729885.txt").path
        let db = try freshDatabase()
        let r = try VigilBinary.run(["ingest", "--max-mi-b", "1", "--db", db, empty, binary, latin1, huge, badXML, good,
                                     dir.appendingPathComponent("missing.txt").path])
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("documents stored 1, duplicates skipped 0"))
        #expect(r.stdout.hasSuffix("failed files 6\n"))
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains("vigil: \(empty): empty file"))
        #expect(lines.contains("vigil: \(binary): binary file (contains NUL bytes)"))
        #expect(lines.contains("vigil: \(latin1): not UTF-8 text (invalid byte at offset 3)"))
        #expect(lines.contains("vigil: \(huge): 2097152 bytes is over the 1 MiB limit"))
        #expect(lines.contains { $0.hasPrefix("vigil: \(badXML): XML does not parse at line 3") })
        #expect(lines.contains("vigil: \(dir.appendingPathComponent("missing.txt").path): no such file or directory"))
        #expect(try stats(db)["documents"] as? Int == 1)
    }
}

/// `extract --lines` leaves the content hash out (a line is its own document; the hash was a third
/// of the output on a corpus of sentences); a file's extraction keeps it, and `ingest --lines`
/// still recognises a line already stored.
@Test func contentHashOfLinesIsLeftOutOfExtractButKeptByIngest() throws {
    let input = "Sorafenib-induced rash.\nImatinib caused fever.\n"
    let lines = try VigilBinary.run(["extract", "--format", "jsonl", "--lines", "-"], input: input)
    #expect(lines.status == 0)
    #expect(!lines.stdout.contains("content_hash"))
    #expect(lines.stdout.split(separator: "\n").count == 2)
    let json = try VigilBinary.run(["extract", "--format", "json", "--lines", "-"], input: input)
    #expect(json.status == 0 && !json.stdout.contains("content_hash"))
    let whole = try VigilBinary.run(["extract", "--format", "jsonl", "-"], input: input)
    #expect(whole.stdout.contains("\"content_hash\":\""))
    let db = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-lines-\(UUID().uuidString).db").path
    let first = try VigilBinary.run(["ingest", "--db", db, "--lines", "-"], input: input)
    let second = try VigilBinary.run(["ingest", "--db", db, "--lines", "-"], input: input)
    #expect(first.status == 0 && second.status == 0)
    #expect(first.stdout.contains("documents stored 2, duplicates skipped 0"))
    #expect(second.stdout.contains("documents stored 0, duplicates skipped 2"))
}
