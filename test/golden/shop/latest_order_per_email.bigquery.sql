CREATE OR REPLACE VIEW `analytics`.`latest_order_per_email`
(
  order_id OPTIONS (description = 'Shop order number'),
  email OPTIONS (description = 'Lowercased, trimmed checkout email'),
  amount OPTIONS (description = 'Order total in currency units'),
  currency,
  items OPTIONS (description = 'SKUs in the order'),
  ordered_at OPTIONS (description = 'When the order was placed (UTC)'),
  order_day
)
OPTIONS (
  description = 'Each customer\'s most recent order'
)
AS
-- orders/dedupe (examples/shop/pipelines/orders.ts:59:29)
SELECT
  order_id,
  email,
  amount,
  currency,
  items,
  ordered_at,
  order_day
FROM `analytics`.`clean_orders`
WHERE TRUE
QUALIFY ROW_NUMBER() OVER (PARTITION BY email ORDER BY ordered_at DESC, order_id) = 1