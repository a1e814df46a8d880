-- Per-customer order statistics.
-- One row per customer (it's derived).
-- partitioned by first_seen in BigQuery (no DuckDB equivalent)
-- clustered by customer in BigQuery (no DuckDB equivalent)
-- labels: domain=sales, team=crm
CREATE OR REPLACE TABLE "main"."customer_stats" AS
SELECT 1
