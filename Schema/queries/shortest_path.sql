-- The shortest paths between two nodes, edges taken in either direction, negated edges left out.
-- ?1 from node id, ?2 to node id, ?3 depth limit. A path never revisits a node (the visited list
-- is the path itself, ",id,id,"), so cycles end; a walk stops once it reaches the target.
-- Rows: the node ids and edge ids of each path, comma-separated, and its length.
-- Reference links are two arms of their own (out of the node's outbound rows, into it from its
-- inbound rows), each link's id computed as m0004 means it: -(code * 2^52 + src * 2^26 + dst).
-- The parentheses matter: SQLite gives << and | one precedence, left to right, so without them
-- `code << 52 | src << 26` is `((code << 52 | src) << 26)` and the code is shifted out.
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
    UNION ALL
    SELECT j.value, w.depth + 1, w.nodes || j.value || ',', w.edges || -((a.code << 52) | (w.node << 26) | j.value) || ','
    FROM walk w JOIN reference_link a ON a.node = w.node AND a.inbound = 0 CROSS JOIN json_each(a.ids) j
    WHERE w.depth < ?3 AND w.node <> ?2 AND instr(w.nodes, ',' || j.value || ',') = 0
    UNION ALL
    SELECT j.value, w.depth + 1, w.nodes || j.value || ',', w.edges || -((a.code << 52) | (j.value << 26) | w.node) || ','
    FROM walk w JOIN reference_link a ON a.node = w.node AND a.inbound = 1 CROSS JOIN json_each(a.ids) j
    WHERE w.depth < ?3 AND w.node <> ?2 AND instr(w.nodes, ',' || j.value || ',') = 0
)
SELECT nodes, edges, depth FROM walk
WHERE node = ?2 AND depth = (SELECT min(depth) FROM walk WHERE node = ?2)
ORDER BY nodes
