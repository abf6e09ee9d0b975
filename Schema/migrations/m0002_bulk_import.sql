-- Reference graphs at scale (Hetionet: 1.4 million edges). Two changes, both for speed and size.
--
-- 1. Edge indexes: two instead of three. edge_fact (eight columns, four of them expressions) and
--    edge_out (src, predicate, dst) become one unique covering index that also carries assertion
--    and scope, so walks that leave out negated edges or keep one scope never touch the table.
--    Node edges always have value, unit and about NULL (the model only gives literals those), so
--    uniqueness over (src, predicate, dst, assertion, scope) is the old rule for them; literal edges
--    (dst NULL: NULLs are distinct in a unique index) keep their own rule in a partial index.
--    edge_in gains assertion and scope for the same reason.
DROP INDEX edge_fact;
DROP INDEX edge_out;
DROP INDEX edge_in;
CREATE UNIQUE INDEX edge_out ON edge(src, predicate, dst, assertion, scope);
CREATE UNIQUE INDEX edge_literal_fact ON edge(src, predicate, value, coalesce(unit, ''), coalesce(about, ''), assertion, scope)
    WHERE dst IS NULL;
CREATE INDEX edge_in ON edge(dst, predicate, src, assertion, scope) WHERE dst IS NOT NULL;

-- 2. Provenance of bulk imports: one row per import, not one evidence row per edge (1.4 million
--    identical rows saying "hetionet" would double the file). An import is one transaction, so
--    the edges it creates take consecutive ids: first_edge..last_edge names them all. An edge the
--    graph already had gets an ordinary evidence row instead (this batch's extractor, no document).
CREATE TABLE import_batch (
    id             INTEGER PRIMARY KEY,
    format         TEXT NOT NULL,             -- hetionet, drugcentral, kgx
    extractor      TEXT NOT NULL,             -- hetionet-import/1, …
    files          TEXT NOT NULL,             -- file names read, space-separated
    first_edge     INTEGER,                   -- NULL when the import created no edge
    last_edge      INTEGER,
    nodes_created  INTEGER NOT NULL,
    edges_created  INTEGER NOT NULL,
    edges_existing INTEGER NOT NULL,
    imported_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- Every reason an edge is in the graph: its evidence rows and the import batches that cover it.
CREATE VIEW edge_source (edge_id, document_id, extractor) AS
    SELECT edge_id, document_id, extractor FROM evidence
    UNION ALL
    SELECT e.id, NULL, b.extractor FROM import_batch b JOIN edge e ON e.id BETWEEN b.first_edge AND b.last_edge;
