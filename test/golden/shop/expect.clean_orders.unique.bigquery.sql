-- clean_orders/expect/unique (examples/shop/pipelines/orders.ts:28:14)
WITH expect__unique AS (
  SELECT
    order_id AS value,
    COUNT(*) AS count
  FROM `analytics`.`clean_orders`
  GROUP BY 1
)

-- clean_orders/expect/unique (examples/shop/pipelines/orders.ts:28:14)
SELECT
  value,
  count
FROM expect__unique
WHERE count > 1