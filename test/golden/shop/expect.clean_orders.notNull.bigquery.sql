-- clean_orders/expect/notNull (examples/shop/pipelines/orders.ts:28:41)
SELECT
  order_id,
  email,
  amount,
  currency,
  items,
  ordered_at,
  order_day
FROM `analytics`.`clean_orders`
WHERE order_id IS NULL