CREATE OR REPLACE VIEW `analytics`.`order_sessions`
(
  order_id OPTIONS (description = 'Shop order number'),
  session_id,
  session_index
)
OPTIONS (
  description = 'Orders grouped into shopping sessions (a week without orders ends one)'
)
AS
-- orders/sessionize (examples/shop/pipelines/orders.ts:56:6)
WITH sessionize AS (
  SELECT
    order_id,
    email AS __session_key_0,
    ordered_at AS __session_time
  FROM `analytics`.`clean_orders`
  WHERE email IS NOT NULL
),

-- orders/sessionize (examples/shop/pipelines/orders.ts:56:6)
sessionize_2 AS (
  SELECT
    order_id,
    __session_key_0,
    __session_time,
    LAG(__session_time, 1) OVER (PARTITION BY __session_key_0 ORDER BY __session_time) AS __session_prev_time
  FROM sessionize
),

-- orders/sessionize (examples/shop/pipelines/orders.ts:56:6)
sessionize_3 AS (
  SELECT
    order_id,
    __session_key_0,
    __session_time,
    CASE WHEN (__session_prev_time IS NULL) OR (__session_time IS NULL) OR (__session_time > TIMESTAMP_ADD(__session_prev_time, INTERVAL 604800 SECOND)) THEN 1 ELSE 0 END AS __session_is_new
  FROM sessionize_2
),

-- orders/sessionize (examples/shop/pipelines/orders.ts:56:6)
sessionize_4 AS (
  SELECT
    order_id,
    __session_key_0,
    __session_time,
    SUM(__session_is_new) OVER (PARTITION BY __session_key_0 ORDER BY __session_time, __session_is_new DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS __session_no
  FROM sessionize_3
),

-- orders/sessionize (examples/shop/pipelines/orders.ts:56:6)
sessionize_5 AS (
  SELECT
    order_id,
    __session_key_0,
    MIN(__session_time) OVER (PARTITION BY __session_key_0, __session_no) AS session_start,
    ROW_NUMBER() OVER (PARTITION BY __session_key_0, __session_no ORDER BY __session_time) AS __session_row
  FROM sessionize_4
)

-- orders/map_3 (examples/shop/pipelines/orders.ts:57:6)
SELECT
  order_id,
  CONCAT(COALESCE(__session_key_0, 'null'), '-', CAST(UNIX_SECONDS(session_start) AS STRING)) AS session_id,
  __session_row - 1 AS session_index
FROM sessionize_5