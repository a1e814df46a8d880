CREATE OR REPLACE VIEW `analytics`.`order_lines`
(
  order_id OPTIONS (description = 'Shop order number'),
  line,
  sku
)
OPTIONS (
  description = 'One row per SKU in an order'
)
AS
-- orders/flatMap (examples/shop/pipelines/orders.ts:43:23)
SELECT
  src.order_id AS order_id,
  elem_offset + 1 AS line,
  elem AS sku
FROM `analytics`.`clean_orders` AS src
CROSS JOIN UNNEST(src.items) AS elem WITH OFFSET AS elem_offset