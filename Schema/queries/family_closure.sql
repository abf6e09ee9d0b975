-- The closure of a family or hierarchy: the root and every node that reaches it through edges
-- of one predicate (members of a target family via member_of, narrower reactions via broader).
-- ?1 root node id, ?2 predicate, ?3 depth limit. UNION drops repeated (id, depth) rows and the
-- depth bound stops cycles. Reference links come from the inbound rows of each node reached
-- (the node is their object), read as an arm of their own: a view is not filtered by a join.
WITH RECURSIVE closure(id, depth) AS (
    SELECT ?1, 0
    UNION
    SELECT e.src, c.depth + 1
    FROM closure c
    JOIN edge e ON e.dst = c.id AND e.predicate = ?2 AND e.assertion = 'affirmed'
    WHERE c.depth < ?3
    UNION
    SELECT j.value, c.depth + 1
    FROM closure c
    JOIN reference_link a ON a.node = c.id AND a.inbound = 1 AND a.predicate = ?2 CROSS JOIN json_each(a.ids) j
    WHERE c.depth < ?3
)
SELECT id, min(depth) AS depth FROM closure GROUP BY id ORDER BY depth, id
