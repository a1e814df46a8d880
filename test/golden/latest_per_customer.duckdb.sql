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

-- orders/latest/dedupe (pipelines/orders.ts:19:5)
SELECT
  id,
  customer,
  cents,
  tags,
  ts,
  lag(cents, 1) OVER (PARTITION BY customer ORDER BY ts DESC NULLS LAST, id ASC NULLS FIRST) AS previous_cents,
  sum(cents) OVER (PARTITION BY customer ORDER BY ts DESC NULLS LAST, id ASC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running_cents,
  min(ts) OVER (PARTITION BY customer) AS first_seen
FROM normalize__map
QUALIFY row_number() OVER (PARTITION BY customer ORDER BY ts DESC NULLS LAST, id ASC NULLS FIRST) = 1
