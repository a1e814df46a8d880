-- Order statistics per customer email
CREATE OR REPLACE VIEW "main"."orders_per_email" AS
-- orders/aggregate (examples/shop/pipelines/orders.ts:34:6)
SELECT
  email,
  count(*) AS orders,
  sum(amount) AS revenue,
  min(ordered_at) AS first_order_at,
  max(ordered_at) AS last_order_at,
  first(currency ORDER BY ordered_at DESC NULLS LAST, order_id DESC NULLS LAST) AS last_currency,
  count(*) FILTER (WHERE amount >= 100 AND NOT isnan(amount)) AS big_orders
FROM "main"."clean_orders"
WHERE email IS NOT NULL
GROUP BY 1