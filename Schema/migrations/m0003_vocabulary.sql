-- The vocabulary Vigil knows names from (Seeds/vocab): every canonical term and each of its
-- synonyms, abbreviations and brand names, whether or not the graph has a node for it yet.
-- Name lookups fall back to it ("Nexavar" finds sorafenib's node even when no report wrote
-- "Nexavar"), and "did you mean" suggestions come from it.
CREATE TABLE term (
    key    TEXT NOT NULL,   -- lower-cased name or synonym
    kind   TEXT NOT NULL,   -- drug, target, target_family, reaction
    name   TEXT NOT NULL,   -- the canonical name it stands for
    name_key TEXT NOT NULL, -- lower-cased canonical name, the node key it resolves to
    source TEXT NOT NULL,   -- the vocabulary file
    PRIMARY KEY (key, kind, name)
) WITHOUT ROWID;
