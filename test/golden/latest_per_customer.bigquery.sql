-- orders/normalize/map (pipelines/orders.ts:6:5)
WITH normalize__map AS (
  SELECT
    id,
    LOWER(REGEXP_REPLACE(customer, r'^[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+|[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+$', '')) AS customer,
    CASE WHEN (amount * 100.0) - FLOOR(amount * 100.0) >= 0.5 THEN CEIL(amount * 100.0) ELSE FLOOR(amount * 100.0) END AS cents,
    tags,
    ts
  FROM `my-project`.`raw`.`orders`
  WHERE amount > 0.0 AND NOT IS_NAN(amount)
)

-- orders/latest/dedupe (pipelines/orders.ts:19:5)
SELECT
  id,
  customer,
  cents,
  tags,
  ts,
  LAG(cents, 1) OVER (PARTITION BY customer ORDER BY ts DESC, id) AS previous_cents,
  SUM(cents) OVER (PARTITION BY customer ORDER BY ts DESC, id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running_cents,
  MIN(ts) OVER (PARTITION BY customer) AS first_seen
FROM normalize__map
WHERE TRUE
QUALIFY ROW_NUMBER() OVER (PARTITION BY customer ORDER BY ts DESC, id) = 1
