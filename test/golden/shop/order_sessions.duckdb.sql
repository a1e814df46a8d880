-- Orders grouped into shopping sessions (a week without orders ends one)
CREATE OR REPLACE VIEW "main"."order_sessions" AS
-- orders/sessionize (examples/shop/pipelines/orders.ts:56:6)
WITH sessionize AS (
  SELECT
    order_id,
    email AS __session_key_0,
    ordered_at AS __session_time
  FROM "main"."clean_orders"
  WHERE email IS NOT NULL
),

-- orders/sessionize (examples/shop/pipelines/orders.ts:56:6)
sessionize_2 AS (
  SELECT
    order_id,
    __session_key_0,
    __session_time,
    lag(__session_time, 1) OVER (PARTITION BY __session_key_0 ORDER BY __session_time ASC NULLS FIRST) AS __session_prev_time
  FROM sessionize
),

-- orders/sessionize (examples/shop/pipelines/orders.ts:56:6)
sessionize_3 AS (
  SELECT
    order_id,
    __session_key_0,
    __session_time,
    CASE WHEN (__session_prev_time IS NULL) OR (__session_time IS NULL) OR (__session_time > (__session_prev_time + to_seconds(604800))) THEN 1 ELSE 0 END AS __session_is_new
  FROM sessionize_2
),

-- orders/sessionize (examples/shop/pipelines/orders.ts:56:6)
sessionize_4 AS (
  SELECT
    order_id,
    __session_key_0,
    __session_time,
    CAST(sum(__session_is_new) OVER (PARTITION BY __session_key_0 ORDER BY __session_time ASC NULLS FIRST, __session_is_new DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS BIGINT) AS __session_no
  FROM sessionize_3
),

-- orders/sessionize (examples/shop/pipelines/orders.ts:56:6)
sessionize_5 AS (
  SELECT
    order_id,
    __session_key_0,
    min(__session_time) OVER (PARTITION BY __session_key_0, __session_no) AS session_start,
    row_number() OVER (PARTITION BY __session_key_0, __session_no ORDER BY __session_time ASC NULLS FIRST) AS __session_row
  FROM sessionize_4
)

-- orders/map_3 (examples/shop/pipelines/orders.ts:57:6)
SELECT
  order_id,
  COALESCE(__session_key_0, 'null') || '-' || CAST(((epoch_us(session_start) - (epoch_us(session_start) % 1000000 + 1000000) % 1000000) // 1000000) AS VARCHAR) AS session_id,
  __session_row - 1 AS session_index
FROM sessionize_5