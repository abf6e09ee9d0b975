/// Turning names into DOT text: quoting, and labels that fit in a node.
///
/// Every string is written quoted. Inside quotes the DOT lexer only treats `\"` specially, and
/// graphviz then reads `\n`, `\l`, `\N`… in labels and tooltips as escapes; so a backslash is
/// doubled, a quote escaped, a newline written `\n`, and other control characters become spaces.
/// `<>{}|` are plain characters in a quoted string as long as no node uses `shape=record` (none
/// does); an unquoted `<` would start an HTML label, which is why nothing is left unquoted.
enum DOTText {
    /// `s` as a quoted DOT string, valid whatever characters it holds.
    static func quoted(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": continue
            default:
                if u.properties.generalCategory == .control { out += " " } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }

    /// The name on at most `maxLines` lines of about `width` characters, broken between words;
    /// what does not fit ends in an ellipsis (the full name goes in the tooltip).
    static func wrapped(_ name: String, width: Int, maxLines: Int) -> String {
        let words = name.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).map(String.init)
        var lines: [String] = []
        var line = ""
        var truncated = false
        func flush() {
            lines.append(line)
            line = ""
        }
        outer: for var word in words {
            while true {
                if lines.count == maxLines { truncated = true; break outer }
                if line.isEmpty {
                    if word.count <= width { line = word; break }
                    // A word longer than a line (a long identifier) is broken where it must be.
                    line = String(word.prefix(width))
                    word = String(word.dropFirst(width))
                    flush()
                } else if line.count + 1 + word.count <= width {
                    line += " " + word
                    break
                } else {
                    flush()
                }
            }
        }
        if !line.isEmpty {
            if lines.count == maxLines { truncated = true } else { flush() }
        }
        if truncated, var last = lines.popLast() {
            if last.count >= width { last = String(last.prefix(width - 1)) }
            lines.append(last + "…")
        }
        return lines.joined(separator: "\n")
    }
}
