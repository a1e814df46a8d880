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

-- orders/repeat/join (pipelines/orders.ts:30:5)
SELECT
  l.id AS id,
  r.id AS next_id,
  ('it''s \ "new"' || chr(10)) || l.id AS label
FROM normalize__map AS l
LEFT OUTER JOIN normalize__map AS r
  ON (l.customer IS NOT DISTINCT FROM r.customer) AND (l.ts < r.ts)
