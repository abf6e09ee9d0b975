-- The k-hop neighbourhood of a node, edges taken in either direction, negated edges left out.
-- ?1 start node id, ?2 depth limit. Each node is reported once, at its shortest distance.
-- Reference links are read as their own arm (a join condition is not pushed into the views):
-- every row of the node, both directions and all predicates, its other ends expanded by
-- json_each. Links are all affirmed.
WITH RECURSIVE walk(id, depth) AS (
    SELECT ?1, 0
    UNION
    SELECT e.dst, w.depth + 1 FROM walk w
    JOIN edge e ON e.src = w.id AND e.dst IS NOT NULL AND e.assertion <> 'negated'
    WHERE w.depth < ?2
    UNION
    SELECT e.src, w.depth + 1 FROM walk w
    JOIN edge e ON e.dst = w.id AND e.assertion <> 'negated'
    WHERE w.depth < ?2
    UNION
    SELECT j.value, w.depth + 1 FROM walk w
    JOIN reference_link a ON a.node = w.id CROSS JOIN json_each(a.ids) j
    WHERE w.depth < ?2
)
SELECT id, min(depth) AS depth FROM walk GROUP BY id ORDER BY depth, id
