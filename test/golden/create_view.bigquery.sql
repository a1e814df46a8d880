CREATE OR REPLACE VIEW `my-project`.`analytics`.`customer_stats`
(
  customer,
  n,
  total OPTIONS (description = 'Sum of cents'),
  big,
  first_id,
  last_id,
  ids,
  avg_cents
)
OPTIONS (
  description = 'Per-customer order statistics.\nOne row per customer (it\'s derived).',
  labels = [('domain', 'sales'), ('team', 'crm')]
)
AS
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

-- orders/per_customer (pipelines/orders.ts:9:5)
SELECT
  customer,
  COUNT(*) AS n,
  SUM(cents) AS total,
  COUNTIF(cents >= 1000.0 AND NOT IS_NAN(cents)) AS big,
  ARRAY_AGG(STRUCT(id AS v) ORDER BY ts, id LIMIT 1)[SAFE_OFFSET(0)].v AS first_id,
  ARRAY_AGG(STRUCT(id AS v) ORDER BY ts DESC, id DESC LIMIT 1)[SAFE_OFFSET(0)].v AS last_id,
  COALESCE(ARRAY_AGG(id IGNORE NULLS ORDER BY ts, id), ARRAY<STRING>[]) AS ids,
  IEEE_DIVIDE(SUM(cents), COUNT(cents)) AS avg_cents
FROM normalize__map
GROUP BY 1
