CREATE OR REPLACE VIEW `analytics`.`order_customers`
(
  order_id OPTIONS (description = 'Shop order number'),
  email OPTIONS (description = 'Lowercased, trimmed checkout email')
)
AS
-- customers/read_clean_orders (examples/shop/pipelines/customers.ts:54:7)
SELECT
  order_id,
  email
FROM `analytics`.`clean_orders`