CREATE OR REPLACE VIEW "main"."order_customers" AS
-- customers/read_clean_orders (examples/shop/pipelines/customers.ts:54:7)
SELECT
  order_id,
  email
FROM "main"."clean_orders"