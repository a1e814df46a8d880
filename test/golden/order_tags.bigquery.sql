-- orders/tags/flat_map (pipelines/orders.ts:50:5)
SELECT
  src.id AS id,
  UPPER(elem) AS tag,
  elem_offset AS position
FROM `my-project`.`raw`.`orders` AS src
CROSS JOIN UNNEST(src.tags) AS elem WITH OFFSET AS elem_offset
WHERE elem <> ''
