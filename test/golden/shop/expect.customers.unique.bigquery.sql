-- customers/expect/unique (examples/shop/pipelines/customers.ts:50:14)
WITH expect__unique AS (
  SELECT
    email AS value,
    COUNT(*) AS count
  FROM `analytics`.`customers`
  GROUP BY 1
)

-- customers/expect/unique (examples/shop/pipelines/customers.ts:50:14)
SELECT
  value,
  count
FROM expect__unique
WHERE count > 1