/// How a result is printed: an aligned table for people, JSON, JSON Lines or CSV for programs.
public enum ResultFormat: String, Sendable, CaseIterable {
    case table, json, jsonl, csv

    /// The text of an answer, ending with a newline.
    public func render(_ answer: Answer) -> String {
        switch answer {
        case .result(let r): render(r)
        case .explanation(let e):
            switch self {
            case .json, .jsonl:
                "{\"explain\": " + JSON.array(e.steps.map { s in
                    JSON.object([("purpose", JSON.string(s.purpose)), ("sql", JSON.string(s.sql)),
                                 ("arguments", JSON.array(s.arguments.map(JSON.string))),
                                 ("query_plan", JSON.array(s.queryPlan.map(JSON.string)))])
                }) + "}\n"
            case .table, .csv: e.description + "\n"
            }
        }
    }

    public func render(_ r: QueryResult) -> String {
        switch self {
        case .table: Self.table(r)
        case .json: "[" + r.rows.map { "\n  " + Self.object(r.columns, $0) }.joined(separator: ",") + (r.rows.isEmpty ? "]\n" : "\n]\n")
        case .jsonl: r.rows.map { Self.object(r.columns, $0) + "\n" }.joined()
        case .csv: ([r.columns.map(Self.csvField)] + r.rows.map { $0.map { Self.csvField($0.description) } })
            .map { $0.joined(separator: ",") + "\r\n" }.joined()
        }
    }

    static func object(_ columns: [String], _ row: [Cell]) -> String {
        JSON.object(zip(columns, row).map { ($0, JSON.cell($1)) })
    }

    /// RFC 4180: quote fields holding a comma, quote or line break; double the quotes.
    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Columns padded to their widest cell, numbers right-aligned, a rule under the header,
    /// and the row count. Line breaks inside a cell are shown as spaces to keep rows on one line.
    static func table(_ r: QueryResult) -> String {
        let shown = r.rows.map { $0.map { $0.description.replacingOccurrences(of: "\n", with: " ") } }
        var widths = r.columns.map(\.count)
        for row in shown { for (i, c) in row.enumerated() { widths[i] = max(widths[i], c.count) } }
        let numeric = r.columns.indices.map { i in
            !r.rows.isEmpty && r.rows.allSatisfy { row in
                switch row[i] { case .integer, .real, .null: true; case .text: false }
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in
                let pad = String(repeating: " ", count: widths[i] - c.count)
                return numeric[i] ? pad + c : (i == cells.count - 1 ? c : c + pad)
            }.joined(separator: "  ")
        }
        var out = [line(r.columns), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        out += shown.map(line)
        out.append("(\(r.rows.count) row\(r.rows.count == 1 ? "" : "s"))")
        return out.map { $0.hasSuffix(" ") ? String($0.reversed().drop { $0 == " " }.reversed()) : $0 }
            .joined(separator: "\n") + "\n"
    }
}

/// Just enough JSON writing for results, with stable key order.
enum JSON {
    static func string(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    out += "\\u" + Message.hex(u.value).lowercased()
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    static func cell(_ c: Cell) -> String {
        switch c {
        case .null: "null"
        case .integer(let i): String(i)
        case .real(let d): d.isFinite ? c.description : "null"
        case .text(let s): string(s)
        }
    }

    static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { string($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}"
    }

    static func array(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
}
