-- orders/tags/flat_map (pipelines/orders.ts:50:5)
SELECT
  src.id AS id,
  upper(u.elem) AS tag,
  u.ordinality - 1 AS position
FROM "src"."orders" AS src
CROSS JOIN unnest(src.tags) WITH ORDINALITY AS u(elem, ordinality)
WHERE u.elem <> ''
