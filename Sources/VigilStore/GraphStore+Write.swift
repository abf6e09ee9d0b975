import GRDB
import VigilCore

extension GraphStore {
    /// Stores a batch of triples (e.g. reference edges) in one transaction: all or nothing.
    /// Facts already stored gain an evidence row; nothing is duplicated.
    @discardableResult
    public func write(triples: [Triple], extractor: String) throws -> WriteResult {
        try write { db in
            var w = BatchWriter(db: db, extractor: extractor, documentID: nil)
            for t in triples { try w.add(t) }
            return w.result
        }
    }

    /// Stores one extracted document whole, or not at all. A document already stored (same
    /// content hash or PMID) is left as it is and reported as a duplicate.
    @discardableResult
    public func ingest(_ doc: ExtractedDocument, extractor: String) throws -> WriteResult {
        try write { db in
            let exists = try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM document WHERE content_hash = ?
                               OR (? IS NOT NULL AND pmid = ?))
                """, arguments: [doc.contentHash, doc.pmid, doc.pmid]) ?? false
            if exists { return .duplicate }

            var w = BatchWriter(db: db, extractor: extractor, documentID: nil)
            let docName = doc.pmid.map { "PMID:\($0)" } ?? doc.source
            let docNode = try w.node(Mention(kind: .document, name: docName))
            try db.execute(sql: """
                INSERT INTO document (content_hash, source, pmid, doi, title, journal, year, node_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [doc.contentHash, doc.source, doc.pmid, doc.doi, doc.title, doc.journal, doc.year, docNode])
            w.documentID = db.lastInsertedRowID
            for t in doc.triples { try w.add(t) }
            for (i, c) in doc.cases.enumerated() {
                let caseName = "\(docName) case \(i + 1)"
                try w.add(Triple(subject: Mention(kind: .case, name: caseName), predicate: .describedIn,
                                 object: .entity(Mention(kind: .document, name: docName)), scope: .case))
                for t in c.triples(caseName: caseName, evidence: nil) { try w.add(t) }
            }
            return w.result
        }
    }
}

/// Writes triples inside one open transaction, caching node ids.
struct BatchWriter {
    let db: Database
    let extractor: String
    var documentID: Int64?
    var result = WriteResult(stored: true, newEdges: 0, newEvidence: 0, newNodes: 0)
    private var nodeIDs: [String: Int64] = [:]

    init(db: Database, extractor: String, documentID: Int64?) {
        self.db = db
        self.extractor = extractor
        self.documentID = documentID
    }

    /// The id of the node of this kind and name, created if new; the text as written becomes an alias.
    mutating func node(_ m: Mention) throws -> Int64 {
        let key = m.name.lowercased()
        let cacheKey = m.kind.rawValue + "\u{1}" + key
        let id: Int64
        if let cached = nodeIDs[cacheKey] {
            id = cached
        } else if let found = try Int64.fetchOne(db, sql: "SELECT id FROM node WHERE kind = ? AND key = ?",
                                                 arguments: [m.kind.rawValue, key]) {
            id = found
        } else {
            try db.execute(sql: "INSERT INTO node (kind, name, key) VALUES (?, ?, ?)",
                           arguments: [m.kind.rawValue, m.name, key])
            id = db.lastInsertedRowID
            result.newNodes += 1
        }
        nodeIDs[cacheKey] = id
        if let text = m.text, text.lowercased() != key {
            try db.execute(sql: "INSERT OR IGNORE INTO alias (node_id, key, alias, source) VALUES (?, ?, ?, 'text')",
                           arguments: [id, text.lowercased(), text])
        }
        return id
    }

    mutating func add(_ t: Triple) throws {
        let src = try node(t.subject)
        var dst: Int64?
        var literal: Literal?
        switch t.object {
        case .entity(let m): dst = try node(m)
        case .literal(let l): literal = l
        }
        // A reference fact an import stored as a link, now stated with evidence (a seed of
        // `vigil init`): it moves into `edge`, keeping the imports that stated it as sources.
        var importedBy: [String] = []
        if let dst, t.scope == .reference, t.assertion == .affirmed {
            importedBy = try unlink(src, t.predicate.rawValue, dst)
        }
        try db.execute(sql: """
            INSERT OR IGNORE INTO edge (src, predicate, dst, value, unit, about, assertion, scope)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [src, t.predicate.rawValue, dst, literal?.value, literal?.unit, literal?.about,
                             t.assertion.rawValue, t.scope.rawValue])
        let edgeID: Int64
        if db.changesCount > 0 {
            edgeID = db.lastInsertedRowID
            result.newEdges += 1
        } else {
            edgeID = try Int64.fetchOne(db, sql: """
                SELECT id FROM edge WHERE src = ? AND predicate = ? AND coalesce(dst, -1) = coalesce(?, -1)
                  AND coalesce(value, '') = coalesce(?, '') AND coalesce(unit, '') = coalesce(?, '')
                  AND coalesce(about, '') = coalesce(?, '') AND assertion = ? AND scope = ?
                """, arguments: [src, t.predicate.rawValue, dst, literal?.value, literal?.unit, literal?.about,
                                 t.assertion.rawValue, t.scope.rawValue])!
        }
        // Every fact keeps at least one evidence row: the sentence that states it, or for reference
        // knowledge the source it came from (the extractor name), so evidence can be counted.
        let o = t.object.mention
        try db.execute(sql: """
            INSERT OR IGNORE INTO evidence (edge_id, document_id, sentence, start, "end", subject_text, subject_start,
                subject_end, object_text, object_start, object_end, section, extractor)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [edgeID, documentID, t.evidence?.text, t.evidence?.start, t.evidence?.end,
                             t.subject.text, t.subject.start, t.subject.end, o?.text, o?.start, o?.end,
                             t.evidence?.section, extractor])
        if db.changesCount > 0 { result.newEvidence += 1 }
        for extractor in importedBy {
            try db.execute(sql: "INSERT OR IGNORE INTO evidence (edge_id, extractor) VALUES (?, ?)",
                           arguments: [edgeID, extractor])
        }
    }

    /// Takes `src –predicate→ dst` out of the reference links (schema m0004) when an import
    /// stored it there, from both its rows and from `reference_link_source`; returns the
    /// extractors of the imports that stated it (none when no link was there). An edge lives in
    /// `edge` or in the links, never in both.
    private func unlink(_ src: Int64, _ predicate: String, _ dst: Int64) throws -> [String] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT batch, ids FROM reference_link WHERE node = ? AND inbound = 0 AND predicate = ?
            """, arguments: [src, predicate])
        for row in rows {
            let batch: Int64 = row[0]
            let ids = LinkList.decode(row[1])
            guard ids.contains(dst) else { continue }
            try replace(src, inbound: 0, predicate, batch, ids.filter { $0 != dst })
            if let text = try String.fetchOne(db, sql: """
                SELECT ids FROM reference_link WHERE node = ? AND inbound = 1 AND predicate = ? AND batch = ?
                """, arguments: [dst, predicate, batch]) {
                try replace(dst, inbound: 1, predicate, batch, LinkList.decode(text).filter { $0 != src })
            }
            let code = try Int64.fetchOne(db, sql: "SELECT code FROM reference_predicate WHERE predicate = ?", arguments: [predicate])
            let others = try String.fetchAll(db, sql: """
                SELECT b.extractor FROM reference_link_source x JOIN import_batch b ON b.id = x.batch
                WHERE x.code = ? AND x.src = ? AND x.dst = ? ORDER BY x.batch
                """, arguments: [code, src, dst])
            try db.execute(sql: "DELETE FROM reference_link_source WHERE code = ? AND src = ? AND dst = ?", arguments: [code, src, dst])
            let first = try String.fetchAll(db, sql: "SELECT extractor FROM import_batch WHERE id = ?", arguments: [batch])
            return first + others
        }
        return []
    }

    private func replace(_ node: Int64, inbound: Int, _ predicate: String, _ batch: Int64, _ ids: [Int64]) throws {
        let key: StatementArguments = [node, inbound, predicate, batch]
        if ids.isEmpty {
            try db.execute(sql: "DELETE FROM reference_link WHERE node = ? AND inbound = ? AND predicate = ? AND batch = ?",
                           arguments: key)
        } else {
            try db.execute(sql: "UPDATE reference_link SET ids = ? WHERE node = ? AND inbound = ? AND predicate = ? AND batch = ?",
                           arguments: [LinkList.encode(ids)] + key)
        }
    }
}

extension GraphStore {
    /// Adds other names to existing nodes, creating the node when it is new. One transaction.
    public func addAliases(_ aliases: [NodeAlias]) throws {
        try write { db in
            var w = BatchWriter(db: db, extractor: "alias", documentID: nil)
            for a in aliases {
                let id = try w.node(Mention(kind: a.kind, name: a.name))
                try db.execute(sql: "INSERT OR IGNORE INTO alias (node_id, key, alias, source) VALUES (?, ?, ?, ?)",
                               arguments: [id, a.alias.lowercased(), a.alias, a.source])
            }
        }
    }
}
