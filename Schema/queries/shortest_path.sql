-- The shortest paths between two nodes, edges taken in either direction, negated edges left out.
-- ?1 from node id, ?2 to node id, ?3 depth limit. A path never revisits a node (the visited list
-- is the path itself, ",id,id,"), so cycles end; a walk stops once it reaches the target.
-- Rows: the node ids and edge ids of each path, comma-separated, and its length.
WITH RECURSIVE walk(node, depth, nodes, edges) AS (
    SELECT ?1, 0, ',' || ?1 || ',', ','
    UNION ALL
    SELECT e.dst, w.depth + 1, w.nodes || e.dst || ',', w.edges || e.id || ','
    FROM walk w JOIN edge e ON e.src = w.node AND e.dst IS NOT NULL AND e.assertion <> 'negated'
    WHERE w.depth < ?3 AND w.node <> ?2 AND instr(w.nodes, ',' || e.dst || ',') = 0
    UNION ALL
    SELECT e.src, w.depth + 1, w.nodes || e.src || ',', w.edges || e.id || ','
    FROM walk w JOIN edge e ON e.dst = w.node AND e.assertion <> 'negated'
    WHERE w.depth < ?3 AND w.node <> ?2 AND instr(w.nodes, ',' || e.src || ',') = 0
)
SELECT nodes, edges, depth FROM walk
WHERE node = ?2 AND depth = (SELECT min(depth) FROM walk WHERE node = ?2)
ORDER BY nodes
