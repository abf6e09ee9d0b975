import VigilCore

/// Appends a scalar's UTF-8 bytes: building strings on bytes rather than scalar views.
@inline(__always)
func appendUTF8(_ c: Unicode.Scalar, to v: inout [UInt8]) {
    let x = c.value
    if x < 0x80 {
        v.append(UInt8(x))
    } else if x < 0x800 {
        v.append(UInt8(0xC0 | (x >> 6)))
        v.append(UInt8(0x80 | (x & 0x3F)))
    } else if x < 0x10000 {
        v.append(UInt8(0xE0 | (x >> 12)))
        v.append(UInt8(0x80 | ((x >> 6) & 0x3F)))
        v.append(UInt8(0x80 | (x & 0x3F)))
    } else {
        v.append(UInt8(0xF0 | (x >> 18)))
        v.append(UInt8(0x80 | ((x >> 12) & 0x3F)))
        v.append(UInt8(0x80 | ((x >> 6) & 0x3F)))
        v.append(UInt8(0x80 | (x & 0x3F)))
    }
}

/// A document read once: its tokens, layout, sentences and mentions, shared by every later stage.
struct AnalysedDocument {
    let text: [Unicode.Scalar]
    let tokens: [Token]
    let layout: DocumentLayout
    let sentences: [Sentence]
    let mentions: [EntityMention]
    /// Mention indices per sentence.
    let mentionsBySentence: [[Int]]
    /// Index of the sentence each token belongs to, -1 outside sentences.
    let sentenceOfToken: [Int32]

    /// `borrowing`: an initialiser takes its arguments owned, and the caller copied the lexicon
    /// (a retain and release of each of its tables) for every document.
    /// `titled`: the text begins with the title of a PubMed or MEDLINE record, which is its title
    /// even when it ends with a full stop (as PubMed's titles do).
    init(text: String, lexicon: borrowing Lexicon, titled: Bool = false) {
        let scalars = Self.scalars(text)
        self.text = scalars
        tokens = Tokenizer.tokenize(scalars)
        layout = DocumentLayout.analyse(scalars, titled: titled)
        sentences = SentenceSplitter.split(tokens: tokens, layout: layout)
        var found = MentionFinder.find(tokens, scalars, lexicon: lexicon, limit: layout.articleEnd)
        PatternMentions.add(&found, tokens, limit: layout.articleEnd, lexicon: lexicon)
        AbbreviationResolver.resolve(&found, tokens, scalars, sentences: sentences)
        // Mention spans as annotators mark them (issue 3): salts and product words, measurement changes.
        DrugNameSpans.extend(&found, tokens)
        ReactionPhrases.add(&found, tokens, limit: layout.articleEnd)
        SymptomPhrases.add(&found, tokens, limit: layout.articleEnd, lexicon: lexicon)
        ReactionSpans.adjust(&found, tokens)
        mentions = found
        var sot = [Int32](filled: -1, count: tokens.count)
        for (i, s) in sentences.enumerated() {
            for k in s.tokens { sot[k] = Int32(i) }
        }
        sentenceOfToken = sot
        var by = [[Int]](filled: [], count: sentences.count)
        for (i, m) in found.enumerated() {
            let s = sot[m.tokens.lowerBound]
            if s >= 0, sot[m.tokens.upperBound - 1] == s { by[Int(s)].append(i) }
        }
        mentionsBySentence = by
    }

    /// `Array(text.unicodeScalars)` in one pass over the UTF-8 (the generic initialiser counted the
    /// scalars, then copied them through an iterator). A `String` is valid UTF-8, so no check is needed.
    static func scalars(_ text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { b in
            [Unicode.Scalar](unsafeUninitializedCapacity: b.count) { out, count in
                var i = 0, k = 0
                while i < b.count {
                    let c = UInt32(b[i])
                    if c < 0x80 {
                        out[k] = Unicode.Scalar(UInt8(truncatingIfNeeded: c))
                        k += 1
                        i += 1
                        continue
                    }
                    let v: UInt32
                    if c < 0xE0 {
                        v = (c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
                        i += 2
                    } else if c < 0xF0 {
                        v = (c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                        i += 3
                    } else {
                        v = (c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6
                            | UInt32(b[i + 3] & 0x3F)
                        i += 4
                    }
                    out[k] = Unicode.Scalar(v) ?? "\u{FFFD}"
                    k += 1
                }
                count = k
            }
        }
    }

    /// The words of a range of the document as written.
    func string(_ start: Int, _ end: Int) -> String {
        var v: [UInt8] = []
        v.reserveCapacity(end - start)
        for k in start..<end { appendUTF8(text[k], to: &v) }
        return String(decoding: v, as: UTF8.self)
    }

    /// A sentence's text for evidence: line breaks and hyphenation at line ends removed.
    func cleanText(_ s: Sentence) -> String { String(decoding: cleanBytes(s), as: UTF8.self) }

    /// `cleanText` and its `lowercased()`, the latter made on the bytes.
    func cleanTextAndLower(_ s: Sentence) -> (clean: String, lower: String) {
        let v = cleanBytes(s)
        return (String(decoding: v, as: UTF8.self), lowercasedUTF8(v))
    }

    /// The UTF-8 bytes of `cleanText`.
    private func cleanBytes(_ s: Sentence) -> [UInt8] {
        var v: [UInt8] = []
        v.reserveCapacity(s.end - s.start)
        var k = s.start
        var space = false
        while k < s.end {
            let c = text[k]
            if c == "-", k > s.start, Tokenizer.isLowerLetter(text[k - 1]) {
                var j = k + 1
                var nl = false
                while j < s.end, Tokenizer.isSpace(text[j]) { if text[j] == "\n" { nl = true }; j += 1 }
                if nl, j < s.end, Tokenizer.isLowerLetter(text[j]) { k = j; continue }
            }
            if Tokenizer.isSpace(c) { space = true; k += 1; continue }
            if space && !v.isEmpty { v.append(32) }
            space = false
            appendUTF8(c, to: &v)
            k += 1
        }
        return v
    }

    /// Lower-cased words of a sentence, for cue look-ups.
    func words(_ s: Sentence) -> [String] { s.tokens.map { tokens[$0].norm } }
}
