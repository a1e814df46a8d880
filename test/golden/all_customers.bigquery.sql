-- customers/from_orders/map (pipelines/orders.ts:40:5)
WITH from_orders__map AS (
  SELECT
    customer
  FROM `my-project`.`raw`.`orders`
),

-- customers/union (pipelines/orders.ts:42:5)
`union` AS (
  SELECT
    customer
  FROM from_orders__map
  UNION ALL
  SELECT
    customer
  FROM `my-project`.`analytics`.`select`
)

-- customers/distinct (pipelines/orders.ts:43:5)
SELECT DISTINCT
  customer
FROM `union`
