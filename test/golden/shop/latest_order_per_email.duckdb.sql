-- Each customer's most recent order
CREATE OR REPLACE VIEW "main"."latest_order_per_email" AS
-- orders/dedupe (examples/shop/pipelines/orders.ts:59:29)
SELECT
  order_id,
  email,
  amount,
  currency,
  items,
  ordered_at,
  order_day
FROM "main"."clean_orders"
QUALIFY row_number() OVER (PARTITION BY email ORDER BY ordered_at DESC NULLS LAST, order_id ASC NULLS FIRST) = 1