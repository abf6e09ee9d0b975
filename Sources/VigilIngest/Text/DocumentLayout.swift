/// The parts of a page: title, section headings, body, figure captions and tables, and where the
/// article ends (references, comment threads and other page furniture after it are not read).
struct DocumentLayout: Sendable {
    enum BlockKind: Sendable, Equatable { case title, heading, body, caption, table, standalone }

    struct Block: Sendable {
        var start: Int
        var end: Int
        var kind: BlockKind
        var section: String?
        /// The numbered patient ("Case 2") the block is under, from 1; 0 when none.
        var patient: Int = 0
    }

    var blocks: [Block]
    /// Code-point offset where the article ends; nothing after it is extracted.
    var articleEnd: Int

    private struct Line {
        var start: Int
        var end: Int
        var text: String  // trimmed, inner whitespace collapsed
        var lower: String
    }

    /// Section headings as papers and journal pages write them, lower-cased.
    static let headings: [String: String] = [
        "abstract": "abstract", "summary": "abstract", "tldr": "abstract",
        "introduction": "introduction", "background": "introduction",
        "case report": "case", "case reports": "case", "case presentation": "case", "case description": "case",
        "report of a case": "case", "case": "case", "case history": "case", "case summary": "case",
        "case report and methods": "case", "observation": "case", "case details": "case",
        "methods": "methods", "materials and methods": "methods", "patients and methods": "methods",
        "results": "results",
        "discussion": "discussion", "comment": "discussion", "discussion and conclusion": "discussion",
        "discussion and conclusions": "discussion", "discussion and review of the literature": "discussion",
        "conclusion": "conclusion", "conclusions": "conclusion",
    ]

    /// Lines after which the page is no longer the article.
    static let endMarkers = [
        "references", "reference", "bibliography", "acknowledgment", "acknowledgement", "back to top",
        "article information", "conflict of interest", "conflicts of interest", "funding", "discuss this study",
        "related community posts", "research cited in this study", "related research", "author contributions",
        "disclosure", "literature cited", "comments", "related articles", "see also", "footnotes",
    ]

    static func analyse(_ text: [Unicode.Scalar], titled: Bool = false) -> DocumentLayout {
        // A single line (an ADE sentence, a `--lines` record) has no layout to find.
        if !text.contains("\n") {
            return DocumentLayout(blocks: [Block(start: 0, end: text.count, kind: .body, section: nil)],
                                  articleEnd: text.count)
        }
        let lines = splitLines(text)
        let nonEmpty = lines.filter { !$0.text.isEmpty }
        // A single line (an ADE sentence, a `--lines` record) has no layout to find.
        if nonEmpty.count <= 1 {
            return DocumentLayout(blocks: [Block(start: 0, end: text.count, kind: .body, section: nil)],
                                  articleEnd: text.count)
        }
        // Each line's heading, found once: the loop below asks again.
        let patientLines = lines.map { isPatientHeading($0.lower) }
        let lineHeadings = lines.indices.map { patientLines[$0] ? "case" : heading(lines[$0].lower) }
        let headingSections = lineHeadings.compactMap { $0 }
        var blocks: [Block] = []
        var section = "abstract"
        var seenHeading = false
        var seenIntro = false
        var bodyLines = 0
        var articleEnd = text.count
        enum Mode { case normal, caption, table }
        var mode = Mode.normal
        var prevEndsSentence = true
        var prevBlank = true
        var titleDone = false
        var firstLine = true
        // Case series: the patient the lines are about, numbered as their headings come.
        var patient = 0
        var patients = 0

        func add(_ l: Line, _ kind: BlockKind, _ sec: String?) {
            if let last = blocks.last, last.kind == kind, last.section == sec, last.patient == patient,
               kind == .body || kind == .table || kind == .caption || kind == .title {
                blocks[blocks.count - 1].end = l.end
            } else {
                blocks.append(Block(start: l.start, end: l.end, kind: kind, section: sec, patient: patient))
            }
        }

        var i = 0
        while i < lines.count {
            let l = lines[i]
            defer { i += 1 }
            if l.text.isEmpty {
                prevBlank = true
                if mode == .caption { mode = .normal }
                continue
            }
            let lower = l.lower
            let startsLower = l.text.unicodeScalars.first.map(Tokenizer.isLowerLetter) ?? false
            defer {
                prevBlank = false
                prevEndsSentence = l.text.hasSuffix(".") || l.text.hasSuffix(".\"")
            }
            if bodyLines >= 2, atMost60(l.text), endMarkers.contains(where: { lower.hasPrefix($0) }) {
                articleEnd = l.start
                break
            }
            if let sec = lineHeadings[i] {
                mode = .normal
                seenHeading = true
                if sec == "introduction" { seenIntro = true }
                if patientLines[i] {
                    patients += 1
                    patient = patients
                } else {
                    patient = 0
                }
                // A "Case Report" label above the abstract is the article type, not the case section.
                if sec == "case", !patientLines[i], !seenIntro, headingSections.contains("introduction") {
                    section = "abstract"
                } else {
                    section = sec
                }
                blocks.append(Block(start: l.start, end: l.end, kind: .heading, section: section, patient: patient))
                titleDone = true
                firstLine = false
                continue
            }
            if isSubheading(l.text) {
                blocks.append(Block(start: l.start, end: l.end, kind: .heading, section: section, patient: patient))
                continue
            }
            if lower.hasPrefix("fig") || lower.hasPrefix("table") || lower.hasPrefix("supplementary fig") {
                if isCaptionStart(lower) {
                    mode = lower.hasPrefix("table") ? .table : .caption
                    add(l, mode == .table ? .table : .caption, section)
                    titleDone = true
                    firstLine = false
                    continue
                }
            }
            if mode != .normal {
                // Body text resumes with a lower-case line after a caption that ended a sentence.
                if startsLower && prevEndsSentence {
                    mode = .normal
                } else {
                    add(l, mode == .table ? .table : .caption, section)
                    continue
                }
            }
            if !titleDone {
                if firstLine {
                    firstLine = false
                    if !l.text.hasSuffix(".") || titled {
                        add(l, .title, "title")
                        // A title broken over two lines continues in lower case.
                        while i + 1 < lines.count, !lines[i + 1].text.isEmpty,
                              lines[i + 1].text.unicodeScalars.first.map(Tokenizer.isLowerLetter) == true {
                            i += 1
                            add(lines[i], .title, "title")
                        }
                        continue
                    }
                    titleDone = true
                } else if isTitleCase(l.text) {
                    add(l, .title, "title")
                    continue
                } else if isFurniture(l.text) {
                    blocks.append(Block(start: l.start, end: l.end, kind: .standalone, section: "front"))
                    continue
                } else {
                    titleDone = true
                }
            }
            if isFurniture(l.text) || (prevBlank && (i + 1 >= lines.count || lines[i + 1].text.isEmpty) && isTitleCase(l.text)) {
                blocks.append(Block(start: l.start, end: l.end, kind: .standalone, section: seenHeading ? section : "front",
                                    patient: patient))
                continue
            }
            bodyLines += 1
            // Structured abstracts write their labels inline: "BACKGROUND: … CASE PRESENTATION: …"
            // (PubMed XML's labelled parts, MEDLINE's AB field). Each label starts its section.
            var from = l.start
            for label in inlineLabels(text, l.start, l.end) {
                if label.start > from { add(Line(start: from, end: label.start, text: "", lower: ""), .body, section) }
                section = label.section
                seenHeading = true
                blocks.append(Block(start: label.start, end: label.end, kind: .heading, section: section, patient: patient))
                from = label.end
            }
            if from < l.end { add(Line(start: from, end: l.end, text: "", lower: ""), .body, section) }
        }
        return DocumentLayout(blocks: blocks, articleEnd: articleEnd)
    }

    private static func splitLines(_ text: [Unicode.Scalar]) -> [Line] {
        var out: [Line] = []
        var s = 0
        var v: [UInt8] = []
        func emit(_ e: Int) {
            v.removeAll(keepingCapacity: true)
            var space = false
            for k in s..<e {
                let c = text[k]
                if Tokenizer.isSpace(c) { space = !v.isEmpty; continue }
                if space { v.append(32); space = false }
                appendUTF8(c, to: &v)
            }
            let t = String(decoding: v, as: UTF8.self)
            // Lower-cased on the bytes, as `lowercased()` would.
            out.append(Line(start: s, end: e, text: t, lower: lowercasedUTF8(v)))
        }
        for (k, c) in text.enumerated() where c == "\n" {
            emit(k)
            s = k + 1
        }
        if s < text.count { emit(text.count) }
        return out
    }

    /// `s.count <= 60` without counting the characters of a long ASCII line: a line has at most as
    /// many characters as bytes, and exactly as many when it is ASCII without carriage returns.
    private static func atMost60(_ s: String) -> Bool {
        let n = s.utf8.count
        if n <= 60 { return true }
        if !s.utf8.contains(where: { $0 >= 128 || $0 == 13 }) { return false }  // "\r\n" is one character
        return s.count <= 60
    }

    /// "Case 1", "Case no. 2", "Patient 3:", "Case II": a heading that starts one patient of a
    /// case series.
    static func isPatientHeading(_ lower: String) -> Bool {
        guard lower.utf8.count <= 20 else { return false }
        var words = lower.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "." || $0 == "#" })
        guard words.count >= 2, words[0] == "case" || words[0] == "patient" else { return false }
        if words.count == 3, words[1] == "no" { words.remove(at: 1) }
        guard words.count == 2 else { return false }
        let n = words[1]
        return n.allSatisfy(\.isNumber) && n.count <= 2
            || ["one", "two", "three", "four", "five", "i", "ii", "iii", "iv", "v"].contains(String(n))
    }

    /// The section a heading line names, or nil when the line is not a heading.
    static func heading(_ lower: String) -> String? {
        guard atMost60(lower) else { return nil }
        var t = Substring(lower)
        // "1. Introduction", "II. Case report", "Case report:"
        if let f = t.first, f.isNumber || "ivx".contains(f) {
            let head = t.prefix { $0.isNumber || "ivx".contains($0) }
            let rest = t.dropFirst(head.count)
            if rest.hasPrefix(". ") || rest.hasPrefix(") ") || rest.hasPrefix(" ") {
                t = rest.drop { $0 == "." || $0 == ")" || $0 == " " }
            }
        }
        while let l = t.last, l == ":" || l == "." || l == " " { t = t.dropLast() }
        return headings[String(t)]
    }

    /// Section labels written inline in capitals, "CASE PRESENTATION:", at the start of the line
    /// or after a sentence's full stop: their code-point ranges (label and colon) and sections.
    static func inlineLabels(_ text: [Unicode.Scalar], _ start: Int, _ end: Int) -> [(start: Int, end: Int, section: String)] {
        var out: [(start: Int, end: Int, section: String)] = []
        var last: Unicode.Scalar?  // the last scalar read that is not white space; nil at the line's start
        var k = start
        while k < end {
            let c = text[k]
            if Tokenizer.isSpace(c) { k += 1; continue }
            if last == nil || last == "." && Tokenizer.isSpace(text[k - 1]), let label = inlineLabel(text, k, end) {
                out.append((k, label.end, label.section))
                k = label.end
                last = ":"
                continue
            }
            last = c
            k += 1
        }
        return out
    }

    /// The heading written in capitals from `k` up to a colon within 40 code points, with the
    /// white space after the colon: "CASE PRESENTATION: ".
    private static func inlineLabel(_ text: [Unicode.Scalar], _ k: Int, _ end: Int) -> (end: Int, section: String)? {
        guard text[k].properties.isUppercase else { return nil }
        var e = k
        while e < end, e - k <= 40, text[e].properties.isUppercase || text[e] == " " || text[e] == "&" { e += 1 }
        guard e < end, text[e] == ":" else { return nil }
        var label = String(String.UnicodeScalarView(text[k..<e])).lowercased()
        while label.hasSuffix(" ") { label.removeLast() }
        guard let section = headings[label.replacingOccurrences(of: " & ", with: " and ")] else { return nil }
        var after = e + 1
        while after < end, Tokenizer.isSpace(text[after]) { after += 1 }
        return (after, section)
    }

    /// "1. Clinical findings": a numbered, short line without a full stop.
    private static func isSubheading(_ t: String) -> Bool {
        guard let f = t.unicodeScalars.first, f.properties.numericType != nil, !t.hasSuffix(".") else { return false }
        let words = t.split(separator: " ")
        guard words.count >= 2, words.count <= 6, words[0].hasSuffix(".") || words[0].hasSuffix(")") else { return false }
        return words[0].dropLast().allSatisfy(\.isNumber)
    }

    private static func isCaptionStart(_ lower: String) -> Bool {
        for p in ["figure", "fig.", "fig", "figs.", "table", "supplementary figure"] where lower.hasPrefix(p) {
            let rest = lower.dropFirst(p.count).drop { $0 == " " }
            if let c = rest.first, c.isNumber || (c.isLetter && rest.dropFirst().first.map { $0 == "." || $0 == " " } == true && c.isUppercase) {
                return true
            }
        }
        return false
    }

    /// Bullets, breadcrumbs and other page furniture.
    private static func isFurniture(_ t: String) -> Bool {
        t.hasPrefix("•") || (t.hasPrefix("[") && t.hasSuffix("]")) || t.has(" | ")
    }

    /// "Acute Generalized Exanthematous Pustulosis Induced by Sorafenib": a line of capitalised words.
    static func isTitleCase(_ t: String) -> Bool {
        if t.hasSuffix(",") || t.hasSuffix("-") || t.hasSuffix(".") { return false }
        var long = 0, capital = 0
        // ASCII lines (most) are read on bytes: Character-level splitting and filtering cost a
        // tenth of a report's extraction.
        var t = t
        let ascii = t.withUTF8 { u -> Bool in
            for b in u where b >= 128 { return false }
            // Words between spaces, read in one pass without splitting.
            var letters = 0
            var capitalFirst = false
            var inWord = false
            for b in u {
                if b == 32 {
                    if inWord, letters >= 4 { long += 1; if capitalFirst { capital += 1 } }
                    inWord = false
                    continue
                }
                if !inWord { inWord = true; letters = 0; capitalFirst = b >= 65 && b <= 90 }
                if (b >= 65 && b <= 90) || (b >= 97 && b <= 122) { letters += 1 }
            }
            if inWord, letters >= 4 { long += 1; if capitalFirst { capital += 1 } }
            return true
        }
        if ascii { return long >= 2 && capital * 10 >= long * 8 }
        for w in t.split(separator: " ") {
            let letters = w.filter(\.isLetter)
            guard letters.count >= 4 else { continue }
            long += 1
            if w.first?.isUppercase == true { capital += 1 }
        }
        return long >= 2 && capital * 10 >= long * 8
    }
}
