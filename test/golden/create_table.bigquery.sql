CREATE OR REPLACE TABLE `my-project`.`analytics`.`customer_stats`
(
  customer STRING,
  n INT64,
  total FLOAT64 OPTIONS (description = 'Sum of cents'),
  big INT64,
  first_id STRING,
  last_id STRING,
  ids ARRAY<STRING>,
  avg_cents FLOAT64,
  first_seen TIMESTAMP
)
PARTITION BY DATE(first_seen)
CLUSTER BY customer
OPTIONS (
  description = 'Per-customer order statistics.\nOne row per customer (it\'s derived).',
  labels = [('domain', 'sales'), ('team', 'crm')]
)
AS
SELECT 1
