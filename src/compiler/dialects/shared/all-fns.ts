/**
 * Runtime lists of the IR's aggregate and window functions. The `Record` types make the
 * compiler reject a list that misses a member of the union, so coverage tests stay complete.
 */
import type { AggFn, WindowFn } from '../../ir/rel.js';

const aggFns: Record<AggFn, true> = {
  count_star: true,
  count: true,
  count_if: true,
  count_distinct: true,
  sum: true,
  min: true,
  max: true,
  avg: true,
  any_value: true,
  array_agg: true,
  first: true,
  last: true,
  latest_non_null: true,
};

const windowFns: Record<WindowFn, true> = {
  row_number: true,
  rank: true,
  lag: true,
  lead: true,
  running_sum: true,
  running_count: true,
  partition_min: true,
  partition_max: true,
};

export const AGG_FNS = Object.keys(aggFns) as AggFn[];
export const WINDOW_FNS = Object.keys(windowFns) as WindowFn[];
