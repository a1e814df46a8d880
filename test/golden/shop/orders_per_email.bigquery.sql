CREATE OR REPLACE VIEW `analytics`.`orders_per_email`
(
  email OPTIONS (description = 'Lowercased, trimmed checkout email'),
  orders,
  revenue,
  first_order_at,
  last_order_at,
  last_currency,
  big_orders
)
OPTIONS (
  description = 'Order statistics per customer email'
)
AS
-- orders/aggregate (examples/shop/pipelines/orders.ts:34:6)
SELECT
  email,
  COUNT(*) AS orders,
  SUM(amount) AS revenue,
  MIN(ordered_at) AS first_order_at,
  MAX(ordered_at) AS last_order_at,
  ARRAY_AGG(STRUCT(currency AS v) ORDER BY ordered_at DESC, order_id DESC LIMIT 1)[SAFE_OFFSET(0)].v AS last_currency,
  COUNTIF(amount >= 100 AND NOT IS_NAN(amount)) AS big_orders
FROM `analytics`.`clean_orders`
WHERE email IS NOT NULL
GROUP BY 1