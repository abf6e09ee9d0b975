-- The k-hop neighbourhood of a node, edges taken in either direction, negated edges left out.
-- ?1 start node id, ?2 depth limit. Each node is reported once, at its shortest distance.
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
)
SELECT id, min(depth) AS depth FROM walk GROUP BY id ORDER BY depth, id
