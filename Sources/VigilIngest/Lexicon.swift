import Foundation
import VigilCore

/// The vocabularies that name drugs, targets, target families and reactions (`Seeds/vocab/*.tsv`).
///
/// Every name is indexed by the hashes of its tokens, so that finding mentions is one pass over
/// a document's tokens with hash look-ups, whatever the size of the vocabularies.
public struct Lexicon: Sendable {
    /// Where the vocabularies are read from: `$VIGIL_SEEDS/vocab` when set, else the `Seeds/vocab`
    /// folder of the checkout this binary was built from.
    public static var defaultDirectory: URL {
        if let env = ProcessInfo.processInfo.environment["VIGIL_SEEDS"], !env.isEmpty {
            return URL(fileURLWithPath: env).appendingPathComponent("vocab")
        }
        // Sources/VigilIngest/Lexicon.swift → the package root.
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Seeds/vocab")
    }

    /// A vocabulary file is missing or cannot be read.
    public struct LoadError: Error, CustomStringConvertible {
        public let file: String
        public let reason: String
        public var description: String { "cannot load vocabulary \(file): \(reason)" }
    }

    /// One thing a name can stand for.
    struct Concept: Sendable {
        var kind: EntityKind
        var name: String
        /// Member genes of a target family, in their conventional order (VEGFR → FLT1, KDR, FLT4).
        var members: [String] = []
        /// A target that is a growth factor rather than its receptor (VEGFA for "VEGF").
        var isLigand = false
    }

    /// A name of a concept; `shape`, when not -1, is the exact spelling (letters and digits only)
    /// the text must show, for names that are common words or short symbols in lower case: an
    /// index into `tables.shapes`.
    struct Term: Sendable {
        var concept: Int32
        var shape: Int32
    }

    public let directory: URL
    /// Scorer of drug–reaction pairs in lone sentences (`Seeds/models/ade_pairs.tsv`), when present.
    var pairScorer: PairScorer?
    /// Everything the names were indexed into, in flat arrays that a cache file can hold as they are.
    private(set) var tables = Tables()
    private var conceptIndex: [String: Int32] = [:]
    private var shapeIndex: [String: Int32] = [:]

    public init(directory: URL = Lexicon.defaultDirectory) throws {
        try self.init(directory: directory, cacheFolder: Self.defaultCacheFolder)
    }

    /// Loads the vocabularies of `directory`, through a cache file in `cacheFolder` when one is given.
    init(directory: URL, cacheFolder: URL?) throws {
        self.directory = directory
        let cache = cacheFolder.flatMap { Self.cacheFile(for: directory, in: $0) }
        if let cache, let c = Self.readCache(cache.url, key: cache.key) {
            tables = c.tables
            pairScorer = c.pairScorer
        } else {
            tables = .forVocabularies()
            // Sized for the seed vocabularies, so that indexing them does not regrow the dictionaries.
            conceptIndex.reserveCapacity(1 << 16)
            shapeIndex.reserveCapacity(1 << 17)
            try loadDrugs()
            try loadFamilies()
            try loadTargets()
            try loadReactions()
            tables.indexKeys()
            // The learned scorer of drug–reaction pairs is optional: without it the rules decide.
            let model = Self.pairModelFile(directory)
            if FileManager.default.fileExists(atPath: model.path) { pairScorer = try PairScorer(contentsOf: model) }
            if let cache { Self.writeCache(tables, pairScorer, to: cache.url, key: cache.key) }
        }
    }

    /// Builds a lexicon from in-memory rows, for tests and for callers that bring their own names.
    init(drugs: [(String, [String])], reactions: [(String, [String])],
         targets: [(String, [String], String)] = [], families: [(String, [String], [String])] = []) {
        directory = URL(fileURLWithPath: "/dev/null")
        tables = .forVocabularies()
        addDrugs(drugs)
        for (f, m, a) in families { addFamily(f, m, a) }
        for (s, a, n) in targets { addTarget(s, a, n) }
        for (n, s) in reactions { addReaction(n, s) }
        tables.indexKeys()
    }

    /// The concepts, by index.
    var concepts: ConceptTable { tables.concepts }

    /// The first term of the names whose token key is `key` (-1 when none; `nextTerm` walks on),
    /// and whether a longer name starts with these tokens.
    @inline(__always)
    func lookUp(_ key: UInt64) -> (first: Int32, isPrefix: Bool) {
        guard tables.mayHold(key), let k = tables.names[key] else { return (-1, false) }
        return (k.first, k.isPrefix)
    }

    /// The first term of the names whose token key is `key`, -1 when none.
    @inline(__always)
    func firstTerm(_ key: UInt64) -> Int32 {
        guard tables.mayHold(key) else { return -1 }
        return tables.names[key]?.first ?? -1
    }

    @inline(__always)
    func term(_ i: Int32) -> Term { Term(concept: tables.termConcepts[Int(i)], shape: tables.termShapes[Int(i)]) }

    @inline(__always)
    func nextTerm(_ i: Int32) -> Int32 { tables.termNext[Int(i)] }

    /// Whether the text's shape (`Lexicon.shapeBytes`) is the spelling a term requires.
    func shape(_ id: Int32, matches text: [UInt8]) -> Bool {
        tables.shapes.equals(Int(id), text)
    }

    /// `drug(named: [stem + "ic", "acid"])` for an ASCII word `stem + "ate"` ("valproate"), without
    /// building the strings: most words ending in "-ate" name no acid.
    func drug(namedAcidOf ascii: String) -> Int32? {
        var h: UInt64 = fnvBasis
        let u = ascii.utf8
        for b in u.prefix(u.count - 3) { h = fnv1a(h, b) }
        for b in "ic".utf8 { h = fnv1a(h, b) }
        return drug(key: combine(combine(0, h), Self.acidHash))
    }

    private static let acidHash = stableHash("acid")

    /// The drug a sequence of words names exactly, if any ("valproic acid").
    func drug(named words: [String]) -> Int32? {
        var key: UInt64 = 0
        for w in words { key = combine(key, stableHash(w)) }
        return drug(key: key)
    }

    private func drug(key: UInt64) -> Int32? { concept(key: key, kind: .drug) }

    /// The concept of `kind` whose name (any spelling) has the token key `key`, if any.
    func concept(key: UInt64, kind: EntityKind) -> Int32? {
        var t = firstTerm(key)
        while t >= 0 {
            let term = term(t)
            if concepts.kind(Int(term.concept)) == kind && term.shape == -1 { return term.concept }
            t = nextTerm(t)
        }
        return nil
    }

    // MARK: - Loading

    /// The rows of a TSV file after its header, as byte ranges: splitting on bytes keeps loading
    /// fast (Swift's Character-level splitting costs a second on these files).
    private func rows(_ file: String, columns: Int, _ body: (_ cols: [String]) -> Void) throws {
        let url = directory.appendingPathComponent(file)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw LoadError(file: url.path, reason: "file is missing or unreadable")
        }
        let bytes = [UInt8](data)
        guard let headerEnd = bytes.firstIndex(of: 10), headerEnd > 0 else {
            throw LoadError(file: url.path, reason: "file is empty (no header line)")
        }
        var lineNo = 1
        var i = headerEnd + 1
        var cols: [String] = []
        cols.reserveCapacity(8)
        while i < bytes.count {
            lineNo += 1
            var e = i
            while e < bytes.count, bytes[e] != 10 { e += 1 }
            var lineEnd = e
            if lineEnd > i, bytes[lineEnd - 1] == 13 { lineEnd -= 1 }
            if lineEnd > i {
                cols.removeAll(keepingCapacity: true)
                var s = i
                for k in i...lineEnd where k == lineEnd || bytes[k] == 9 {
                    cols.append(String(decoding: bytes[s..<k], as: UTF8.self))
                    s = k + 1
                }
                guard cols.count >= columns else {
                    throw LoadError(file: url.path, reason: "line \(lineNo) has \(cols.count) columns, expected \(columns)")
                }
                body(cols)
            }
            i = e + 1
        }
    }

    private static func multi(_ s: String) -> [String] {
        guard !s.isEmpty else { return [] }
        var out: [String] = []
        var cur: [UInt8] = []
        func flush() {
            var a = 0, b = cur.count
            while a < b, cur[a] == 32 { a += 1 }
            while b > a, cur[b - 1] == 32 { b -= 1 }
            if b > a { out.append(String(decoding: cur[a..<b], as: UTF8.self)) }
            cur.removeAll(keepingCapacity: true)
        }
        for c in s.utf8 {
            if c == 124 { flush() } else { cur.append(c) }
        }
        flush()
        return out
    }

    private mutating func loadDrugs() throws {
        var rows: [(String, [String])] = []
        try self.rows("drugs.tsv", columns: 2) { rows.append(($0[0], Self.multi($0[1]))) }
        addDrugs(rows)
    }

    private mutating func loadFamilies() throws {
        var rows: [(String, [String], [String])] = []
        try self.rows("target_families.tsv", columns: 3) { rows.append(($0[0], Self.multi($0[1]), Self.multi($0[2]))) }
        for (f, m, a) in rows { addFamily(f, m, a) }
    }

    private mutating func loadTargets() throws {
        var rows: [(String, [String], String)] = []
        try self.rows("targets.tsv", columns: 5) { c in
            // Only kinases and drug targets: the other genes' symbols and aliases are too often
            // ordinary words or clinical abbreviations ("CAN", "ALL", "SET"), and a false target
            // costs more than a missed one.
            if c[3] == "1" || c[4] == "1" { rows.append((c[0], Self.multi(c[1]), c[2])) }
        }
        for (s, a, n) in rows { addTarget(s, a, n) }
    }

    private mutating func loadReactions() throws {
        var rows: [(String, [String])] = []
        try self.rows("reactions.tsv", columns: 2) { rows.append(($0[0], Self.multi($0[1]))) }
        for (n, s) in rows { addReaction(n, s) }
    }

    // MARK: - Adding names

    private mutating func newConcept(_ c: Concept) -> Int32 {
        let key = c.kind.rawValue + ":" + c.name
        if let i = conceptIndex[key] { return i }
        let i = Int32(tables.concepts.count)
        tables.concepts.append(c)
        conceptIndex[key] = i
        return i
    }

    /// Letters and digits of a name as written: the shape the text must match exactly.
    static func shape<S: Sequence>(_ scalars: S) -> String where S.Element == Unicode.Scalar {
        String(decoding: shapeBytes(scalars), as: UTF8.self)
    }

    /// `shape` as UTF-8 bytes.
    static func shapeBytes<S: Sequence>(_ scalars: S) -> [UInt8] where S.Element == Unicode.Scalar {
        var v: [UInt8] = []
        for c in scalars where Tokenizer.charClass(c) != 0 { appendUTF8(c, to: &v) }
        return v
    }

    /// The index of a shape, the same for shapes that are equal as strings.
    private mutating func shapeID(_ shape: String) -> Int32 {
        if let i = shapeIndex[shape] { return i }
        let i = Int32(tables.shapes.count)
        tables.shapes.append(shape)
        shapeIndex[shape] = i
        return i
    }

    private static func hasUpper(_ s: String) -> Bool { upperCount(s) > 0 }
    private static func upperCount(_ s: String) -> Int {
        var n = 0
        for b in s.utf8 where b >= 65 && b <= 90 { n += 1 }
        return n
    }

    /// Indexes one name. `caseSensitive` names must be matched with the same letters and case.
    private mutating func addTerm(_ name: String, concept: Int32, caseSensitive: Bool) {
        guard let hashes = Self.tokenHashes(name), !hashes.isEmpty, hashes.count <= 12 else { return }
        var key: UInt64 = 0
        for (i, h) in hashes.enumerated() {
            key = combine(key, h)
            if i < hashes.count - 1, tables.names[key]?.isPrefix != true {
                tables.names[key] = NameKey(first: tables.names[key]?.first ?? -1, isPrefix: true)
            }
        }
        let term = Term(concept: concept, shape: caseSensitive ? shapeID(Self.shape(name.unicodeScalars)) : -1)
        insert(term, at: key)
        // "splinter hemorrhages" also names "splinter hemorrhage".
        if !caseSensitive, let last = Self.lastWord(name), let sing = Tokenizer.singular(last.lowercased()),
           !sing.isEmpty, sing.utf8.allSatisfy({ $0 >= 97 && $0 <= 122 }) {
            var k2: UInt64 = 0
            for h in hashes.dropLast() { k2 = combine(k2, h) }
            insert(term, at: combine(k2, stableHash(sing)))
        }
    }

    /// The last space-separated word of a name (as `split(separator: " ").last`), found on UTF-8
    /// bytes: Character-level splitting was most of the load time.
    static func lastWord(_ name: String) -> String? {
        let u = name.utf8
        var end = u.endIndex
        while end > u.startIndex, u[u.index(before: end)] == 32 { end = u.index(before: end) }
        guard end > u.startIndex else { return nil }
        var start = end
        while start > u.startIndex, u[u.index(before: start)] != 32 { start = u.index(before: start) }
        return String(name[start..<end])
    }

    /// Adds a term to the end of the key's list, unless the list has it already.
    private mutating func insert(_ term: Term, at key: UInt64) {
        let new = Int32(tables.termConcepts.count)
        if let k = tables.names[key], k.first >= 0 {
            var t = k.first
            while true {
                if tables.termConcepts[Int(t)] == term.concept && tables.termShapes[Int(t)] == term.shape { return }
                let next = tables.termNext[Int(t)]
                if next < 0 { break }
                t = next
            }
            tables.termNext[Int(t)] = new
        } else {
            tables.names[key] = NameKey(first: new, isPrefix: tables.names[key]?.isPrefix ?? false)
        }
        tables.termConcepts.append(term.concept)
        tables.termShapes.append(term.shape)
        tables.termNext.append(-1)
    }

    /// Hashes of a name's words, computed on its UTF-8 bytes for ASCII names (most of them):
    /// the same values the tokenizer gives the words of running text.
    static func tokenHashes(_ name: String) -> [UInt64]? {
        var out: [UInt64] = []
        var h: UInt64 = 0
        var cls = 0
        var ascii = true
        var name = name
        name.makeContiguousUTF8()
        _ = name.utf8.withContiguousStorageIfAvailable { buf in
            for b in buf {
                if b >= 128 { ascii = false; return }
                var c = b
                let k: Int
                if (c >= 97 && c <= 122) { k = 1 } else if c >= 65 && c <= 90 { k = 1; c += 32 } else if c >= 48 && c <= 57 { k = 2 } else { k = 0 }
                if k != cls {
                    if cls != 0 { out.append(h) }
                    h = fnvBasis
                    cls = k
                }
                if k != 0 { h = fnv1a(h, c) }
            }
            if cls != 0 { out.append(h) }
        }
        if ascii && (!out.isEmpty || name.isEmpty) { return out }
        return Tokenizer.normalizedWords(name).map(\.hash)
    }

    /// Whether a name may be matched whatever its case: long enough and not an abbreviation.
    private static func caseFree(_ name: String) -> Bool {
        var letters = 0
        for b in name.utf8 where (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b >= 128 { letters += 1 }
        if name.utf8.contains(32) && letters >= 6 { return upperCount(name) < 2 || !name.utf8.split(separator: 32).allSatisfy { w in w.contains { $0 >= 65 && $0 <= 90 } } }
        if upperCount(name) >= 2 { return false }
        return letters >= 4
    }

    /// Every drug's own name first, then the synonyms: "(+)-warfarin", a synonym of
    /// "(r)-warfarin", reads as "warfarin" and would otherwise name the racemate's mentions after
    /// the enantiomer listed before it (so "omeprazole" → esomeprazole, "ofloxacin" → levofloxacin).
    private mutating func addDrugs(_ rows: [(String, [String])]) {
        var ids: [Int32] = []
        ids.reserveCapacity(rows.count)
        for (n, _) in rows {
            let n = n.lowercased()
            let c = newConcept(Concept(kind: .drug, name: n))
            addTerm(n, concept: c, caseSensitive: false)
            ids.append(c)
        }
        for ((_, synonyms), c) in zip(rows, ids) { addDrugSynonyms(synonyms, concept: c) }
    }

    private mutating func addDrugSynonyms(_ synonyms: [String], concept c: Int32) {
        for s in synonyms where s.count <= 60 {
            // Chemical names and codes with many parts never occur in running text as such.
            if s.utf8.contains(40) && s.utf8.contains(41) && s.count > 25 { continue }
            let free = Self.caseFree(s)
            // "He" (helium), "As": short names are only kept as abbreviations in capitals ("MTX").
            if !free && s.utf8.count <= 4 && Self.upperCount(s) < 2 { continue }
            addTerm(s, concept: c, caseSensitive: !free)
        }
    }

    private mutating func addFamily(_ family: String, _ members: [String], _ aliases: [String]) {
        let c = newConcept(Concept(kind: .targetFamily, name: family, members: members))
        addTerm(family, concept: c, caseSensitive: true)
        for a in aliases { addTerm(a, concept: c, caseSensitive: !(a.utf8.contains(32) && a.count >= 8)) }
    }

    private mutating func addTarget(_ symbol: String, _ aliases: [String], _ name: String) {
        let lname = name.lowercased()
        let ligand = lname.hasSuffix("growth factor") || lname.contains("growth factor ") && !lname.contains("receptor")
        let c = newConcept(Concept(kind: .target, name: symbol, isLigand: ligand))
        if symbol.count >= 2 { addTerm(symbol, concept: c, caseSensitive: true) }
        for a in aliases where a.count >= 3 && !Self.isGenericProteinName(a) {
            addTerm(a, concept: c, caseSensitive: !(a.utf8.contains(32) && a.count >= 10))
        }
        if name.utf8.contains(32) && name.count >= 10 && !Self.isGenericProteinName(name) {
            addTerm(name, concept: c, caseSensitive: false)
        }
    }

    /// "serine/threonine kinase", "protein kinase": names of a class of proteins, not of one gene.
    static func isGenericProteinName(_ s: String) -> Bool {
        let words = s.lowercased().split { !$0.isLetter }
        return words.count >= 1 && words.allSatisfy { genericProteinWords.contains(String($0)) }
    }

    /// Built once: as a local constant the set was rebuilt for every target alias.
    private static let genericProteinWords: Set<String> = [
        "serine", "threonine", "tyrosine", "protein", "kinase", "kinases", "receptor", "receptors", "type", "the", "and",
        "of", "cell", "growth", "factor", "s", "like",
    ]

    /// MeSH descriptors that are not reactions a text can report ("emergency room").
    static let notReactions: Set<String> = ["emergencies", "disease", "syndrome", "recurrence", "disease progression",
                                            "wounds and injuries", "pathologic processes", "chronic disease",
                                            "acute disease", "signs and symptoms", "critical illness", "disease attributes"]

    private mutating func addReaction(_ name: String, _ synonyms: [String]) {
        if Self.notReactions.contains(name) { return }
        let c = newConcept(Concept(kind: .reaction, name: name))
        addTerm(name, concept: c, caseSensitive: !Self.caseFree(name) && Self.upperCount(name) >= 2)
        for s in synonyms {
            // OMIM-style notes ("INCLUDED …") are not names.
            if s.hasPrefix("INCLUDED") || s.hasPrefix("included ") { continue }
            let free = Self.caseFree(s)
            if !free && Self.upperCount(s) < 2 && s.count < 4 { continue }
            addTerm(s, concept: c, caseSensitive: !free)
        }
    }
}
