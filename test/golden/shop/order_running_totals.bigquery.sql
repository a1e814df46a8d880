CREATE OR REPLACE VIEW `analytics`.`order_running_totals`
(
  order_id OPTIONS (description = 'Shop order number'),
  email OPTIONS (description = 'Lowercased, trimmed checkout email'),
  order_number,
  previous_amount,
  lifetime_value
)
OPTIONS (
  description = 'Each order with the customer\'s running lifetime value'
)
AS
-- orders/window (examples/shop/pipelines/orders.ts:47:6)
SELECT
  order_id,
  email,
  ROW_NUMBER() OVER (PARTITION BY email ORDER BY ordered_at, order_id) AS order_number,
  LAG(amount, 1) OVER (PARTITION BY email ORDER BY ordered_at, order_id) AS previous_amount,
  SUM(amount) OVER (PARTITION BY email ORDER BY ordered_at, order_id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS lifetime_value
FROM `analytics`.`clean_orders`
WHERE email IS NOT NULL