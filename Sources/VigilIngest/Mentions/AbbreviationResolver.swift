import VigilCore

/// Abbreviations a document defines, "radiation recall dermatitis (RRD)", resolved for the rest
/// of the document (Schwartz & Hearst 2003, with a looser first-letter rule when the long form
/// is a known name, so that a typo such as "hand-foot skin reaction (HSFR)" still resolves).
enum AbbreviationResolver {
    /// Last words that make an unknown long form a reaction: "acute localized exanthematous pustulosis".
    static let diseaseSuffixes = ["osis", "itis", "emia", "aemia", "pathy", "penia", "plasia", "algia", "trophy",
                                  "rrhea", "rrhoea", "edema", "oedema", "toxicity", "ataxia", "spasm", "plegia"]
    static let diseaseHeads: WordSet = ["syndrome", "reaction", "reactions", "disease", "disorder", "eruption",
                                            "rash", "failure", "injury", "dermatitis", "necrolysis", "toxicity",
                                            "dysfunction", "insufficiency", "lesion", "lesions", "event", "events"]

    struct Definition {
        var short: String
        var kind: EntityKind
        var name: String
        var concept: Int32
    }

    /// Adds the mentions that abbreviations and their unknown long forms make.
    static func resolve(_ mentions: inout [EntityMention], _ tokens: [Token], _ text: [Unicode.Scalar],
                        sentences: [Sentence]) {
        var defs: [String: Definition] = [:]
        var definedAt: Set<Int> = []
        var newMentions: [EntityMention] = []
        var replaced: [Range<Int>] = []
        // Abbreviations whose definition overrides what the vocabulary calls them.
        var overriding: Set<String> = []
        // Indexed by token (arrays, not a dictionary and a set hashed for every token).
        var mentionEndingAt = TokenIndex(count: tokens.count + 1)
        var mentionAt = TokenFlags(count: tokens.count)
        for (k, m) in mentions.enumerated() {
            mentionEndingAt[m.tokens.upperBound] = k
            for t in m.tokens { mentionAt.insert(t) }
        }
        for s in sentences {
            var p = s.tokens.lowerBound
            while p < s.tokens.upperBound {
                defer { p += 1 }
                // The kind first: a word's norm is never a bracket, and most tokens are words.
                guard tokens[p].kind == .punct, tokens[p].norm == "(" || tokens[p].norm == "[" else { continue }
                let close = tokens[p].norm == "(" ? ")" : "]"
                var q = p + 1
                while q < s.tokens.upperBound, q - p <= 4, tokens[q].norm != close { q += 1 }
                guard q < s.tokens.upperBound, tokens[q].norm == close, q > p + 1 else { continue }
                let shortScalars = text[tokens[p + 1].start..<tokens[q - 1].end]
                let short = String(String.UnicodeScalarView(shortScalars))
                guard short.count >= 2, short.count <= 10, short.unicodeScalars.first.map({ Tokenizer.charClass($0) != 0 }) == true,
                      short.unicodeScalars.contains(where: { $0.properties.isUppercase }),
                      !short.contains(" ") || short.split(separator: " ").count <= 2 else { continue }
                let key = Lexicon.shape(short.unicodeScalars)
                guard key.count >= 2, defs[key] == nil else { continue }
                let lfStart = longFormStart(short, text, tokens, s.tokens.lowerBound, p)
                // The abbreviation is itself a known name ("(HCC)"): nothing to define, unless the
                // name before it is another one that it abbreviates: "allopurinol (ALP)" defines ALP
                // for this document whatever the vocabulary says ALP is elsewhere.
                if (p + 1..<q).contains(where: { mentionAt.contains($0) }) {
                    if let k = mentionEndingAt[p], mentions[k].concept >= 0, let inner = mentionEndingAt[q],
                       mentions[inner].tokens == (p + 1)..<q, mentions[inner].name != mentions[k].name,
                       lfStart != nil, firstLetter(text, mentions[k].start) == short.lowercased().unicodeScalars.first {
                        defs[key] = Definition(short: key, kind: mentions[k].kind, name: mentions[k].name, concept: mentions[k].concept)
                        overriding.insert(key)
                    }
                    continue
                }
                // A name found by its form alone ("pustulosis") inside a longer long form gives way to it.
                let patternInside = mentionEndingAt[p].map { mentions[$0].concept == -1 && (lfStart ?? Int.max) < mentions[$0].tokens.lowerBound } ?? false
                if !patternInside, let k = mentionEndingAt[p], let m = Optional(mentions[k]),
                   firstLetter(text, m.start) == short.lowercased().unicodeScalars.first || lfStart != nil {
                    defs[key] = Definition(short: key, kind: m.kind, name: m.name, concept: m.concept)
                    definedAt.insert(p + 1)
                    continue
                }
                // An unknown long form that names a disorder becomes a reaction of this document.
                guard let lf = lfStart,
                      !(lf..<p).contains(where: { t in mentionAt.contains(t) && !mentions.contains { $0.concept == -1 && $0.tokens.contains(t) } })
                else { continue }
                let last = tokens[p - 1].norm
                guard tokens[p - 1].kind == .word,
                      diseaseHeads.contains(last) || diseaseSuffixes.contains(where: { last.hasSuffix($0) }) else { continue }
                // Names found by their form alone inside it give way only to a long form that is kept.
                replaced.append(lf..<p)
                let name = (lf..<p).filter { tokens[$0].kind != .punct }.map { tokens[$0].norm }.joined(separator: " ")
                defs[key] = Definition(short: key, kind: .reaction, name: name, concept: -1)
                definedAt.insert(p + 1)
                newMentions.append(EntityMention(kind: .reaction, name: name, concept: -1, tokens: lf..<p,
                                                 start: tokens[lf].start, end: tokens[p - 1].end))
                for t in lf..<p { mentionAt.insert(t) }
            }
        }
        guard !defs.isEmpty else { return }
        mentions.removeAll { m in m.concept == -1 && replaced.contains { $0.lowerBound <= m.tokens.lowerBound && m.tokens.upperBound <= $0.upperBound } }
        if !overriding.isEmpty {
            for k in mentions.indices where mentions[k].tokens.count == 1 {
                let t = tokens[mentions[k].tokens.lowerBound]
                let key = Lexicon.shape(text[t.start..<t.end])
                guard overriding.contains(key), let d = defs[key] else { continue }
                mentions[k].kind = d.kind
                mentions[k].name = d.name
                mentions[k].concept = d.concept
                mentions[k].isAbbreviation = true
            }
        }
        // Uses of a defined abbreviation, wherever no other name was found.
        for k in tokens.indices where tokens[k].kind == .word && !mentionAt.contains(k) && tokens[k].isCapitalized {
            let t = tokens[k]
            let key = Lexicon.shape(text[t.start..<t.end])
            guard let d = defs[key] else { continue }
            var m = EntityMention(kind: d.kind, name: d.name, concept: d.concept, tokens: k..<(k + 1),
                                  start: t.start, end: t.end)
            m.isAbbreviation = true
            newMentions.append(m)
        }
        mentions.append(contentsOf: newMentions)
        mentions.sortInReadingOrder()
    }

    /// Token → mention index, as `[Int: Int]` was used: a subscript that gives nil where unset.
    struct TokenIndex {
        private var v: [Int]
        init(count: Int) { v = [Int](filled: -1, count: count) }
        subscript(t: Int) -> Int? {
            get { v[t] < 0 ? nil : v[t] }
            set { v[t] = newValue ?? -1 }
        }
    }

    /// Tokens inside a mention, as `Set<Int>` was used.
    struct TokenFlags {
        private var v: [Bool]
        init(count: Int) { v = [Bool](filled: false, count: count) }
        func contains(_ t: Int) -> Bool { v[t] }
        mutating func insert(_ t: Int) { v[t] = true }
    }

    private static func firstLetter(_ text: [Unicode.Scalar], _ at: Int) -> Unicode.Scalar? {
        let c = text[at]
        return c.properties.lowercaseMapping.unicodeScalars.first
    }

    /// Punctuation a long form does not reach back over (a static set: an array literal here was
    /// built for every token read back).
    static let longFormStops: WordSet = [".", ";", ":", "(", ")", "[", "]"]

    /// Schwartz–Hearst: the token where the long form of `short` starts, reading back from `paren`.
    static func longFormStart(_ short: String, _ text: [Unicode.Scalar], _ tokens: [Token], _ floor: Int,
                              _ paren: Int) -> Int? {
        let sf = Array(short.lowercased().unicodeScalars.filter { Tokenizer.charClass($0) != 0 })
        guard !sf.isEmpty else { return nil }
        let maxWords = min(sf.count + 5, sf.count * 2)
        var words = 0
        var startTok = paren
        while startTok - 1 >= floor, words < maxWords {
            startTok -= 1
            if tokens[startTok].kind != .punct { words += 1 }
            if longFormStops.contains(tokens, startTok) { startTok += 1; break }
        }
        guard startTok < paren else { return nil }
        let lf = Array(text[tokens[startTok].start..<tokens[paren - 1].end]).map {
            $0.properties.lowercaseMapping.unicodeScalars.first ?? $0
        }
        var s = sf.count - 1
        var l = lf.count - 1
        while s >= 0 {
            let c = sf[s]
            while l >= 0 && (lf[l] != c || (s == 0 && l > 0 && Tokenizer.charClass(lf[l - 1]) != 0)) { l -= 1 }
            if l < 0 { return nil }
            s -= 1
            l -= 1
        }
        // The token holding position l + 1.
        let pos = tokens[startTok].start + l + 1
        var t = startTok
        while t < paren, tokens[t].end <= pos { t += 1 }
        return t
    }
}
