-- order_customers/expect/relationships (examples/shop/pipelines/customers.ts:55:41)
WITH expect__relationships AS (
  SELECT
    order_id,
    email,
    email AS __ref_value
  FROM `analytics`.`order_customers`
  WHERE email IS NOT NULL
),

-- order_customers/expect/relationships (examples/shop/pipelines/customers.ts:55:41)
expect__relationships_2 AS (
  SELECT
    email AS __ref_value,
    TRUE AS __ref_found
  FROM `analytics`.`customers`
),

-- order_customers/expect/relationships (examples/shop/pipelines/customers.ts:55:41)
expect__relationships_3 AS (
  SELECT
    l.order_id AS order_id,
    l.email AS email,
    r.__ref_found AS __ref_found
  FROM expect__relationships AS l
  LEFT OUTER JOIN expect__relationships_2 AS r
    ON l.__ref_value = r.__ref_value
)

-- order_customers/expect/relationships (examples/shop/pipelines/customers.ts:55:41)
SELECT
  order_id,
  email
FROM expect__relationships_3
WHERE __ref_found IS NULL