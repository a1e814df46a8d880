-- One row per SKU in an order
CREATE OR REPLACE VIEW "main"."order_lines" AS
-- orders/flatMap (examples/shop/pipelines/orders.ts:43:23)
SELECT
  src.order_id AS order_id,
  (u.ordinality - 1) + 1 AS line,
  u.elem AS sku
FROM "main"."clean_orders" AS src
CROSS JOIN unnest(src.items) WITH ORDINALITY AS u(elem, ordinality)