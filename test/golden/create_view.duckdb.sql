-- Per-customer order statistics.
-- One row per customer (it's derived).
-- labels: domain=sales, team=crm
CREATE OR REPLACE VIEW "main"."customer_stats" AS
-- orders/normalize/map (pipelines/orders.ts:6:5)
WITH normalize__map AS (
  SELECT
    id,
    lower(regexp_replace(customer, '^[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+|[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+$', '', 'g')) AS customer,
    CASE WHEN (amount * 100.0::DOUBLE) - floor(amount * 100.0::DOUBLE) >= 0.5 THEN ceil(amount * 100.0::DOUBLE) ELSE floor(amount * 100.0::DOUBLE) END AS cents,
    tags,
    ts
  FROM "src"."orders"
  WHERE amount > 0.0::DOUBLE AND NOT isnan(amount)
)

-- orders/per_customer (pipelines/orders.ts:9:5)
SELECT
  customer,
  count(*) AS n,
  sum(cents) AS total,
  count(*) FILTER (WHERE cents >= 1000.0::DOUBLE AND NOT isnan(cents)) AS big,
  first(id ORDER BY ts ASC NULLS FIRST, id ASC NULLS FIRST) AS first_id,
  first(id ORDER BY ts DESC NULLS LAST, id DESC NULLS LAST) AS last_id,
  COALESCE(array_agg(id ORDER BY ts ASC NULLS FIRST, id ASC NULLS FIRST) FILTER (WHERE id IS NOT NULL), CAST([] AS VARCHAR[])) AS ids,
  avg(cents) AS avg_cents
FROM normalize__map
GROUP BY 1
