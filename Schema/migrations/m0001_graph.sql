-- The graph: typed nodes with aliases, edges to nodes or literals, evidence per edge, documents.
-- Never edit a shipped migration: add the next one.

CREATE TABLE node (
    id    INTEGER PRIMARY KEY,
    kind  TEXT NOT NULL,
    name  TEXT NOT NULL,
    -- lower-cased name: the key that merges "Imatinib" from Hetionet with "imatinib" from a report
    key   TEXT NOT NULL,
    UNIQUE (kind, key)
);

-- Synonyms, abbreviations, brand names, external ids. Name lookups go through here.
CREATE TABLE alias (
    node_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,
    key     TEXT NOT NULL,             -- lower-cased alias
    alias   TEXT NOT NULL,             -- as written
    source  TEXT NOT NULL DEFAULT '',  -- vocabulary, abbreviation, hetionet:Compound::DB00398, …
    PRIMARY KEY (key, node_id)
) WITHOUT ROWID;
CREATE INDEX alias_node ON alias(node_id);

CREATE TABLE document (
    id           INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    source       TEXT NOT NULL,
    pmid         TEXT UNIQUE,
    doi          TEXT,
    title        TEXT,
    journal      TEXT,
    year         INTEGER,
    node_id      INTEGER REFERENCES node(id),
    ingested_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- subject –predicate→ object, where the object is a node (dst) or a literal (value, unit, about).
-- One row per distinct fact; the documents that state it are its evidence rows.
CREATE TABLE edge (
    id        INTEGER PRIMARY KEY,
    src       INTEGER NOT NULL REFERENCES node(id),
    predicate TEXT NOT NULL,
    dst       INTEGER REFERENCES node(id),
    value     TEXT,
    unit      TEXT,
    about     TEXT,
    assertion TEXT NOT NULL CHECK (assertion IN ('affirmed', 'negated', 'hypothetical', 'uncertain')),
    scope     TEXT NOT NULL CHECK (scope IN ('case', 'literature', 'reference')),
    CHECK ((dst IS NULL) <> (value IS NULL))
);
-- Uniqueness over nullable columns: coalesce so that two literal edges with no unit are equal.
CREATE UNIQUE INDEX edge_fact ON edge(src, predicate, coalesce(dst, -1), coalesce(value, ''),
                                      coalesce(unit, ''), coalesce(about, ''), assertion, scope);
-- Covering indexes for walking out of and into a node.
CREATE INDEX edge_out ON edge(src, predicate, dst);
CREATE INDEX edge_in  ON edge(dst, predicate, src) WHERE dst IS NOT NULL;

CREATE TABLE evidence (
    id          INTEGER PRIMARY KEY,
    edge_id     INTEGER NOT NULL REFERENCES edge(id) ON DELETE CASCADE,
    document_id INTEGER REFERENCES document(id) ON DELETE CASCADE,
    sentence    TEXT,
    start       INTEGER,            -- sentence offsets in the document, code points, end exclusive
    "end"       INTEGER,
    subject_text TEXT, subject_start INTEGER, subject_end INTEGER,
    object_text  TEXT, object_start  INTEGER, object_end  INTEGER,
    section     TEXT,
    extractor   TEXT NOT NULL       -- e.g. vigil-extract/1, hetionet-import/1, seed-vocab/1
);
CREATE UNIQUE INDEX evidence_once ON evidence(edge_id, coalesce(document_id, -1), coalesce(start, -1),
                                              coalesce(subject_start, -1), coalesce(object_start, -1), extractor);
CREATE INDEX evidence_document ON evidence(document_id);
