-- Name lookups by key alone. UNIQUE(kind, key) cannot serve `WHERE key = ?` without a kind (the
-- query language resolves a name before it knows the kind), so every lookup scanned the node
-- table: 47,031 rows, several milliseconds per name, after a Hetionet import.
CREATE INDEX node_key ON node(key);
