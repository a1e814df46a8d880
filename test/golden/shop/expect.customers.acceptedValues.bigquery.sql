-- customers/expect/acceptedValues (examples/shop/pipelines/customers.ts:50:38)
SELECT
  email,
  customer_id,
  name,
  euro,
  orders,
  revenue,
  segment
FROM `analytics`.`customers`
WHERE (segment IS NOT NULL) AND (NOT (segment IN ('vip', 'buyer', 'prospect')))