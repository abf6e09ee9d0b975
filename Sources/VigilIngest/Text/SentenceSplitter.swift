/// A sentence: a range of tokens, its offsets, and the section it stands in.
struct Sentence: Sendable {
    var tokens: Range<Int>
    var start: Int
    var end: Int
    var section: String?
    var blockKind: DocumentLayout.BlockKind
    /// The patient of a case series ("Case 1", "Case 2" headings) the sentence is about, from 1;
    /// 0 when the text does not number its patients or the sentence is not under one.
    var patient: Int = 0
}

/// Splits the blocks of a layout into sentences at full stops that end a sentence, not at those
/// of "et al.", "Fig. 1", "e.g.", "vs.", decimals or initials.
enum SentenceSplitter {
    /// Words that a full stop follows without ending the sentence.
    static let abbreviations: WordSet = [
        "al", "fig", "figs", "eg", "ie", "vs", "dr", "mr", "mrs", "ms", "no", "nos", "approx", "ca", "cf",
        "inc", "ltd", "st", "jr", "sr", "resp", "pp", "vol", "ref", "refs", "dept", "univ", "prof", "etc",
        "viz", "mt", "op", "cit", "ed", "eds", "ibid", "max", "min", "var", "spp", "sp", "med", "hosp",
    ]

    /// Words that begin sentences, to tell "hepatitis B. There" from "by D. Angio".
    static let sentenceStarters: WordSet = [
        "the", "there", "this", "these", "that", "it", "its", "he", "she", "his", "her", "we", "our", "they", "a", "an",
        "in", "on", "at", "after", "before", "during", "however", "although", "because", "since", "no", "one", "two",
        "patients", "patient", "treatment", "all", "both", "as", "when", "while", "with", "for", "of", "to", "then",
    ]

    static func split(tokens: [Token], layout: DocumentLayout) -> [Sentence] {
        var out: [Sentence] = []
        var t = 0
        for block in layout.blocks {
            guard block.start < layout.articleEnd else { break }
            while t < tokens.count, tokens[t].start < block.start { t += 1 }
            var e = t
            let blockEnd = min(block.end, layout.articleEnd)
            while e < tokens.count, tokens[e].start < blockEnd { e += 1 }
            defer { t = e }
            guard e > t else { continue }
            switch block.kind {
            case .heading, .table: continue
            case .title, .standalone:
                out.append(Sentence(tokens: t..<e, start: tokens[t].start, end: tokens[e - 1].end,
                                    section: block.section, blockKind: block.kind, patient: block.patient))
            case .body, .caption:
                splitRun(tokens, t..<e, block, into: &out)
            }
        }
        return out
    }

    private static func splitRun(_ tokens: [Token], _ range: Range<Int>, _ block: DocumentLayout.Block,
                                 into out: inout [Sentence]) {
        var s = range.lowerBound
        func emit(_ end: Int) {
            guard end > s else { return }
            out.append(Sentence(tokens: s..<end, start: tokens[s].start, end: tokens[end - 1].end,
                                section: block.section, blockKind: block.kind, patient: block.patient))
            s = end
        }
        var k = range.lowerBound
        while k < range.upperBound {
            if let end = boundary(after: k, tokens, range) {
                emit(end)
                k = end
            } else {
                k += 1
            }
        }
        emit(range.upperBound)
    }

    /// The index of the first token of the next sentence when a sentence ends at token `k`.
    private static func boundary(after k: Int, _ tokens: [Token], _ range: Range<Int>) -> Int? {
        // Most tokens are words: tested before the token (and its string) is copied.
        guard tokens[k].kind == .punct else { return nil }
        let tok = tokens[k]
        guard tok.norm == "." || tok.norm == "?" || tok.norm == "!" else { return nil }
        let n = k + 1
        guard n < range.upperBound else { return nil }
        let next = tokens[n]
        if !next.spaceBefore {
            // "… (PDGFR-).1 It is": a citation number glued to the full stop.
            guard tok.norm == ".", k > range.lowerBound, next.kind == .number,
                  tokens[k - 1].kind != .punct || tokens[k - 1].norm == ")" else { return nil }
            var j = n
            while j < range.upperBound, !tokens[j].spaceBefore || j == n,
                  tokens[j].kind == .number || [",", "-", "–"].contains(tokens[j].norm) { j += 1 }
            guard j < range.upperBound, tokens[j].spaceBefore, tokens[j].isCapitalized else { return nil }
            return j
        }
        if k > range.lowerBound, tok.norm == "." {
            let prev = tokens[k - 1]
            if prev.isWord && !prev.spaceBefore && k - 2 >= range.lowerBound && tokens[k - 2].norm == "." {
                return nil  // "e.g." "i.e."
            }
            if prev.kind == .word && abbreviations.contains(prev) { return nil }
            // Initials ("D. Angio"), but not "hepatitis B. There".
            if prev.kind == .word && prev.end - prev.start == 1 && prev.isCapitalized {
                let before = k - 2 >= range.lowerBound ? tokens[k - 2] : nil
                let startsSentence = sentenceStarters.contains(next)
                if !(before.map { $0.kind == .word && !$0.isCapitalized } ?? false) || !startsSentence { return nil }
            }
        }
        if next.kind == .number || next.isCapitalized { return n }
        if ["(", "[", "“", "\"", "‘", "'"].contains(next.norm), n + 1 < range.upperBound, tokens[n + 1].isCapitalized {
            return n
        }
        return nil
    }
}
