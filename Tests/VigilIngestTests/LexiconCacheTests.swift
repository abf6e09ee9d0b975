import Foundation
import Testing
@testable import VigilIngest

/// A vocabulary folder of a few rows, in the TSV formats of `Seeds/vocab`.
private func vocabulary(drugs: String = "sorafenib\tNexavar\tDB00398\n") throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-vocab-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let files = [
        "drugs.tsv": "name\tsynonyms\tdrugbank_id\n" + drugs,
        "reactions.tsv": "name\tsynonyms\tbroader\tsource\nrash\tskin eruption\t\tmeddra\nfever\tpyrexia\t\tmeddra\n",
        "targets.tsv": "symbol\taliases\tname\tis_kinase\tis_drug_target\nKDR\tVEGFR2\tkinase insert domain receptor\t1\t1\n",
        "target_families.tsv": "family\tmembers\taliases\nVEGFR\tFLT1|KDR|FLT4\tVEGFRs\n",
    ]
    for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
    return dir
}

private func folder() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("vigil-cache-\(UUID().uuidString)")
}

private func names(_ lexicon: Lexicon, _ text: String) -> [String] {
    AnalysedDocument(text: text, lexicon: lexicon).mentions.map { "\($0.kind.rawValue):\($0.name)" }
}

private let sample = "Sorafenib (Nexavar) caused a skin eruption and pyrexia; it inhibits VEGFR2 and the VEGFRs."

@Test func cachedVocabulariesFindTheSameNames() throws {
    let vocab = try vocabulary(), cache = folder()
    let direct = try Lexicon(directory: vocab, cacheFolder: nil)
    let first = try Lexicon(directory: vocab, cacheFolder: cache)
    let file = try #require(Lexicon.cacheFile(for: vocab, in: cache))
    #expect(Lexicon.readCache(file.url, key: file.key) != nil)
    let second = try Lexicon(directory: vocab, cacheFolder: cache)
    #expect(names(direct, sample) == ["drug:sorafenib", "drug:sorafenib", "reaction:rash", "reaction:fever",
                                      "target:KDR", "target_family:VEGFR"])
    #expect(names(first, sample) == names(direct, sample))
    #expect(names(second, sample) == names(direct, sample))
}

@Test func changedVocabularyIsReadAgain() throws {
    let vocab = try vocabulary(), cache = folder()
    _ = try Lexicon(directory: vocab, cacheFolder: cache)
    try Data("name\tsynonyms\tdrugbank_id\nsorafenib\tNexavar\tDB00398\nimatinib\tGleevec\tDB00619\n".utf8)
        .write(to: vocab.appendingPathComponent("drugs.tsv"))
    let again = try Lexicon(directory: vocab, cacheFolder: cache)
    #expect(names(again, "Gleevec and Nexavar") == ["drug:imatinib", "drug:sorafenib"])
}

@Test func unwritableCacheFolderStillLoads() throws {
    let vocab = try vocabulary()
    // A folder below a regular file can be neither created nor written.
    let blocker = folder()
    try Data("x".utf8).write(to: blocker)
    let lexicon = try Lexicon(directory: vocab, cacheFolder: blocker.appendingPathComponent("vigil"))
    #expect(names(lexicon, "Nexavar") == ["drug:sorafenib"])
}

@Test func damagedCacheFileIsRebuilt() throws {
    let vocab = try vocabulary(), cache = folder()
    _ = try Lexicon(directory: vocab, cacheFolder: cache)
    let file = try #require(Lexicon.cacheFile(for: vocab, in: cache))
    let whole = try Data(contentsOf: file.url)
    try whole.prefix(whole.count / 2).write(to: file.url)
    #expect(Lexicon.readCache(file.url, key: file.key) == nil)
    let lexicon = try Lexicon(directory: vocab, cacheFolder: cache)
    #expect(names(lexicon, sample).count == 6)
    #expect(Lexicon.readCache(file.url, key: file.key) != nil)
}

@Test func cachedPairModelIsTheFilesAndFollowsItsChanges() throws {
    // The model lies beside the vocabulary folder, as Seeds/models beside Seeds/vocab.
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-seeds-\(UUID().uuidString)")
    let vocab = root.appendingPathComponent("vocab"), cache = folder()
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    try FileManager.default.moveItem(at: try vocabulary(), to: vocab)
    let models = root.appendingPathComponent("models")
    try FileManager.default.createDirectory(at: models, withIntermediateDirectories: true)
    let model = models.appendingPathComponent("ade_pairs.tsv")
    try Data("#threshold\t0.5\nbias\t-1.25\nrule=2\t2.5\n".utf8).write(to: model)
    let direct = try #require(try Lexicon(directory: vocab, cacheFolder: nil).pairScorer)
    _ = try Lexicon(directory: vocab, cacheFolder: cache)
    let cached = try #require(try Lexicon(directory: vocab, cacheFolder: cache).pairScorer)
    #expect(cached.threshold == direct.threshold)
    #expect(cached.score(["bias", "rule=2", "unknown"]) == direct.score(["bias", "rule=2", "unknown"]))
    #expect(cached.score(["bias", "rule=2"]) == 1.25)

    try Data("#threshold\t0.75\nbias\t-2\n".utf8).write(to: model)
    let changed = try #require(try Lexicon(directory: vocab, cacheFolder: cache).pairScorer)
    #expect(changed.threshold == 0.75)
    #expect(changed.score(["bias", "rule=2"]) == -2)

    try FileManager.default.removeItem(at: model)
    #expect(try Lexicon(directory: vocab, cacheFolder: cache).pairScorer == nil)
}

/// Writing a cache removes other folders' and versions' cache files not written for 30 days and stale
/// temporary files, and leaves recent ones (another build in use) alone.
@Test func staleCacheFilesOfOtherFoldersAreRemoved() throws {
    let vocab = try vocabulary(), cache = folder()
    try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
    let old = cache.appendingPathComponent("lexicon-0ld.bin"), recent = cache.appendingPathComponent("lexicon-4ecent.bin")
    let oldTmp = cache.appendingPathComponent(".lexicon-0ld.bin.123.tmp"), other = cache.appendingPathComponent("notes.txt")
    for f in [old, recent, oldTmp, other] { try Data("x".utf8).write(to: f) }
    let longAgo = Date(timeIntervalSinceNow: -40 * 24 * 3600)
    for f in [old, oldTmp, other] { try FileManager.default.setAttributes([.modificationDate: longAgo], ofItemAtPath: f.path) }
    _ = try Lexicon(directory: vocab, cacheFolder: cache)
    let left = Set(try FileManager.default.contentsOfDirectory(atPath: cache.path))
    let own = try #require(Lexicon.cacheFile(for: vocab, in: cache)).url.lastPathComponent
    #expect(left == [own, "lexicon-4ecent.bin", "notes.txt"])
}

/// Every build of the same sources shares a vocabulary folder's cache (the executable is no part
/// of its key), so the index must be what any of them would build. This digest of the index of
/// a fixed vocabulary guards that: when a change to indexing makes it fail, raise
/// `Lexicon.cacheVersion` (older caches are then rebuilt) and write the new digest here.
@Test func indexOfAFixedVocabularyIsUnchanged() throws {
    // Every field, not the cache file's bytes: a slot's padding is whatever memory held.
    let t = smallLexicon.tables
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    func mix<S: Sequence>(_ values: S) where S.Element: FixedWidthInteger {
        for v in values { h = (h ^ UInt64(truncatingIfNeeded: v)) &* 0x100_0000_01b3 }
    }
    mix(t.concepts.kinds); mix(t.concepts.names.ends); mix(t.concepts.names.bytes); mix(t.concepts.ligands.map { $0 ? 1 : 0 })
    for (c, m) in t.concepts.members.sorted(by: { $0.key < $1.key }) { mix([c]); mix(m.joined(separator: "|").utf8) }
    for slot in t.names.slots { mix([slot.key, UInt64(bitPattern: Int64(slot.value?.first ?? -2)), slot.value?.isPrefix == true ? 1 : 0]) }
    mix(t.keyFilter); mix(t.termConcepts); mix(t.termShapes); mix(t.termNext); mix(t.shapes.ends); mix(t.shapes.bytes)
    let digest = String(h, radix: 16)
    #expect((Lexicon.cacheVersion, digest) == (7, "16f6102e88e04711"), "index of the fixed vocabulary changed: raise Lexicon.cacheVersion, update the digest")
}

/// Two builds (another path, say the tests' debug binary and a release one) find the same cache
/// file and key for a folder.
@Test func theCacheKeyNamesNoExecutable() throws {
    let vocab = try vocabulary(), cache = folder()
    let file = try #require(Lexicon.cacheFile(for: vocab, in: cache))
    let key = String(decoding: file.key, as: UTF8.self)
    #expect(!key.contains("exe"))
    #expect(key.contains(Lexicon.layoutFingerprint))
    #expect(file.url.lastPathComponent.hasSuffix("-v\(Lexicon.cacheVersion).bin"))
}
