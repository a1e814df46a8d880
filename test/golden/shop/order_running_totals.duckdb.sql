-- Each order with the customer's running lifetime value
CREATE OR REPLACE VIEW "main"."order_running_totals" AS
-- orders/window (examples/shop/pipelines/orders.ts:47:6)
SELECT
  order_id,
  email,
  row_number() OVER (PARTITION BY email ORDER BY ordered_at ASC NULLS FIRST, order_id ASC NULLS FIRST) AS order_number,
  lag(amount, 1) OVER (PARTITION BY email ORDER BY ordered_at ASC NULLS FIRST, order_id ASC NULLS FIRST) AS previous_amount,
  sum(amount) OVER (PARTITION BY email ORDER BY ordered_at ASC NULLS FIRST, order_id ASC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS lifetime_value
FROM "main"."clean_orders"
WHERE email IS NOT NULL