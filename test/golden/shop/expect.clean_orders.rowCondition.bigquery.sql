-- clean_orders/expect/rowCondition (examples/shop/pipelines/orders.ts:28:69)
SELECT
  order_id,
  email,
  amount,
  currency,
  items,
  ordered_at,
  order_day
FROM `analytics`.`clean_orders`
WHERE NOT (amount >= 0 AND NOT IS_NAN(amount))