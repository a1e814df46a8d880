CREATE OR REPLACE TABLE `analytics`.`clean_orders`
(
  order_id STRING OPTIONS (description = 'Shop order number'),
  email STRING OPTIONS (description = 'Lowercased, trimmed checkout email'),
  amount FLOAT64 OPTIONS (description = 'Order total in currency units'),
  currency STRING,
  items ARRAY<STRING> OPTIONS (description = 'SKUs in the order'),
  ordered_at TIMESTAMP OPTIONS (description = 'When the order was placed (UTC)'),
  order_day TIMESTAMP
)
PARTITION BY DATE(order_day)
CLUSTER BY email
OPTIONS (
  description = 'Orders that were not cancelled, with normalized email and amount in currency units',
  labels = [('domain', 'sales')]
)
AS
-- orders/map (examples/shop/pipelines/orders.ts:10:6)
SELECT
  order_id,
  COALESCE(LOWER(REGEXP_REPLACE(customer_email, r'^[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+|[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+$', '')), CAST(NULL AS STRING)) AS email,
  IEEE_DIVIDE(amount_cents, 100) AS amount,
  UPPER(currency) AS currency,
  items,
  ordered_at,
  TIMESTAMP_TRUNC(ordered_at, DAY, 'UTC') AS order_day
FROM `raw`.`web_orders`
WHERE status <> 'cancelled'