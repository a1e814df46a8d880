-- Orders that were not cancelled, with normalized email and amount in currency units
-- partitioned by order_day in BigQuery (no DuckDB equivalent)
-- clustered by email in BigQuery (no DuckDB equivalent)
-- labels: domain=sales
CREATE OR REPLACE TABLE "main"."clean_orders" AS
-- orders/map (examples/shop/pipelines/orders.ts:10:6)
SELECT
  order_id,
  COALESCE(lower(regexp_replace(customer_email, '^[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+|[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+$', '', 'g')), CAST(NULL AS VARCHAR)) AS email,
  amount_cents / 100 AS amount,
  upper(currency) AS currency,
  items,
  ordered_at,
  date_trunc('day', ordered_at) AS order_day
FROM "src"."web_orders"
WHERE status <> 'cancelled'