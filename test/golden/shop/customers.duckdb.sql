-- Customers by email across the CRM and the web shop
CREATE OR REPLACE TABLE "main"."customers" AS
-- customers/map (examples/shop/pipelines/customers.ts:10:6)
WITH "map" AS (
  SELECT
    customer_id,
    COALESCE(lower(regexp_replace(email, '^[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+|[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+$', '', 'g')), CAST(NULL AS VARCHAR)) AS email,
    full_name,
    signup_date,
    COALESCE(country, '') IN ('NL', 'BE', 'DE', 'FR') AS euro
  FROM "src"."store_customers"
),

-- customers/dedupe (examples/shop/pipelines/customers.ts:11:6)
dedupe AS (
  SELECT
    customer_id,
    email,
    full_name,
    euro
  FROM "map"
  QUALIFY row_number() OVER (PARTITION BY email ORDER BY signup_date DESC NULLS LAST, customer_id ASC NULLS FIRST) = 1
),

-- customers/map_2 (examples/shop/pipelines/customers.ts:14:6)
map_2 AS (
  SELECT
    email
  FROM dedupe
  WHERE email IS NOT NULL
),

-- customers/map_3 (examples/shop/pipelines/customers.ts:15:30)
map_3 AS (
  SELECT
    COALESCE(lower(regexp_replace(customer_email, '^[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+|[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+$', '', 'g')), CAST(NULL AS VARCHAR)) AS email
  FROM "src"."web_orders"
  WHERE COALESCE(lower(regexp_replace(customer_email, '^[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+|[\x{0009}-\x{000D}\x{0020}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+$', '', 'g')), CAST(NULL AS VARCHAR)) IS NOT NULL
),

-- customers/union (examples/shop/pipelines/customers.ts:15:6)
"union" AS (
  SELECT
    email
  FROM map_2
  UNION ALL
  SELECT
    email
  FROM map_3
),

-- customers/distinct (examples/shop/pipelines/customers.ts:17:6)
"distinct" AS (
  SELECT DISTINCT
    email
  FROM "union"
),

-- customers/join (examples/shop/pipelines/customers.ts:21:26)
"join" AS (
  SELECT
    l.email AS email,
    r.customer_id AS customer_id,
    r.full_name AS name,
    COALESCE(r.euro, FALSE) AS euro
  FROM "distinct" AS l
  LEFT OUTER JOIN dedupe AS r
    ON l.email IS NOT DISTINCT FROM r.email
)

-- customers/join_2 (examples/shop/pipelines/customers.ts:27:24)
SELECT
  l.email AS email,
  l.customer_id AS customer_id,
  l.name AS name,
  l.euro AS euro,
  COALESCE(r.orders, 0) AS orders,
  COALESCE(r.revenue, 0) AS revenue,
  CASE WHEN COALESCE(r.revenue, 0) >= 500 AND NOT isnan(COALESCE(r.revenue, 0)) THEN 'vip' ELSE CASE WHEN COALESCE(r.orders, 0) > 0 THEN 'buyer' ELSE 'prospect' END END AS segment
FROM "join" AS l
LEFT OUTER JOIN "main"."orders_per_email" AS r
  ON l.email IS NOT DISTINCT FROM r.email