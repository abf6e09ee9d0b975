-- Reference graphs packed per node. A bulk import (Hetionet: 1.4 million edges) stored as one
-- `edge` row per fact costs three b-tree inserts per edge (the table, edge_out, edge_in): about
-- 2 s of SQLite's time for Hetionet, more than a graph database's whole load. Here each node's
-- imported edges of one predicate are one row per direction, the other ends listed as a JSON
-- array: Hetionet is 166,913 rows, written in a fraction of a second, and a walk reads a node's
-- neighbours with one primary-key probe (`json_each` expands the list inside SQL).
--
-- Every edge here is affirmed and of scope `reference`, and is stored twice: in its subject's
-- outbound row and in its object's inbound row. Literature edges, seed edges (`vigil init`) and
-- anything with evidence stay in `edge`; an edge is in one of the two tables, never both.
-- `edge_source` (m0002) keeps listing the reasons of `edge` rows; `link_source` below lists the
-- sources of links.

-- Small numbers for the predicates of reference links, so that a link has an id (below).
CREATE TABLE reference_predicate (
    code      INTEGER PRIMARY KEY CHECK (code BETWEEN 1 AND 2047),
    predicate TEXT NOT NULL UNIQUE
);

CREATE TABLE reference_link (
    node      INTEGER NOT NULL REFERENCES node(id),
    inbound   INTEGER NOT NULL CHECK (inbound IN (0, 1)),  -- 0: node is the subject; 1: the object
    predicate TEXT NOT NULL,
    code      INTEGER NOT NULL REFERENCES reference_predicate(code),
    batch     INTEGER NOT NULL REFERENCES import_batch(id),  -- the import that stored these links
    ids       TEXT NOT NULL,    -- the other ends' node ids, a JSON array, ascending, no repeats
    PRIMARY KEY (node, inbound, predicate, batch)
) WITHOUT ROWID;

-- Every reference link once, from its subject's row, in the columns of `edge`. A link's id is
-- negative and computed, so it never meets an `edge` id: -(code * 2^52 + src * 2^26 + dst)
-- (node ids below 2^26, checked by the importer). SQLite gives << and | one precedence: keep the brackets.
CREATE VIEW reference_edge (id, src, predicate, dst, assertion, scope, batch) AS
    SELECT -((a.code << 52) | (a.node << 26) | j.value), a.node, a.predicate, j.value, 'affirmed', 'reference', a.batch
    FROM reference_link a, json_each(a.ids) j WHERE a.inbound = 0;

-- The same links from their objects' rows: the one to read when the object is known.
CREATE VIEW reference_edge_in (id, src, predicate, dst, assertion, scope, batch) AS
    SELECT -((a.code << 52) | (j.value << 26) | a.node), j.value, a.predicate, a.node, 'affirmed', 'reference', a.batch
    FROM reference_link a, json_each(a.ids) j WHERE a.inbound = 1;

-- Every node-to-node edge, both tables. Constrain `src` on edges_from and `dst` on edges_to:
-- SQLite pushes a constant (or parameter) condition into both arms, an index probe each. A join
-- condition is not pushed into a view: in a join, read `edge` and the links as two arms.
CREATE VIEW edges_from (id, src, predicate, dst, assertion, scope) AS
    SELECT id, src, predicate, dst, assertion, scope FROM edge WHERE dst IS NOT NULL
    UNION ALL
    SELECT id, src, predicate, dst, assertion, scope FROM reference_edge;

CREATE VIEW edges_to (id, src, predicate, dst, assertion, scope) AS
    SELECT id, src, predicate, dst, assertion, scope FROM edge WHERE dst IS NOT NULL
    UNION ALL
    SELECT id, src, predicate, dst, assertion, scope FROM reference_edge_in;

-- A later import of another source that states a fact already linked: the link stays where it
-- is (a fact is stored once) and this row records the second source. An import of the same
-- source again adds no row.
CREATE TABLE reference_link_source (
    code  INTEGER NOT NULL,
    src   INTEGER NOT NULL,
    dst   INTEGER NOT NULL,
    batch INTEGER NOT NULL REFERENCES import_batch(id),
    PRIMARY KEY (code, src, dst, batch)
) WITHOUT ROWID;

-- Every source of every reference link: the batch that stored it and any later one that stated
-- it again. Kept apart from `edge_source`: a link's id is computed, so a condition on it cannot
-- reach an index, and a union with the links would make every `edge_source` look-up expand them
-- all (0.2 s on Hetionet). Look a link up here by src, predicate and dst.
CREATE VIEW link_source (edge_id, src, predicate, dst, extractor) AS
    SELECT r.id, r.src, r.predicate, r.dst, b.extractor FROM reference_edge r JOIN import_batch b ON b.id = r.batch
    UNION ALL
    SELECT -((x.code << 52) | (x.src << 26) | x.dst), x.src, p.predicate, x.dst, b.extractor
    FROM reference_link_source x JOIN reference_predicate p ON p.code = x.code JOIN import_batch b ON b.id = x.batch;
