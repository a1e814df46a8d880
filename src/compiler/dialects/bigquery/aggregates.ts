/**
 * BigQuery's aggregate and window mapping tables.
 *
 * first / last / latest_non_null pick one row by an ordering with
 * `ARRAY_AGG(... ORDER BY ... LIMIT 1)[SAFE_OFFSET(0)]`; the value is wrapped in a STRUCT so
 * a NULL value never becomes a NULL array element (which GoogleSQL rejects in some contexts).
 */
import type { AggBuilder, AggTable, WindowTable } from '../shared/sql-spec.js';
import { typeName } from './syntax.js';

/** The value on the first row by the ordering (`reverse`: the last row), NULL values included. */
const pickOne =
  (reverse: boolean): AggBuilder =>
  (c) =>
    `ARRAY_AGG(STRUCT(${c.arg()} AS v) ORDER BY ${c.order(reverse)} LIMIT 1)[SAFE_OFFSET(0)].v`;

export const bigqueryAggs: AggTable = {
  count_star: () => 'COUNT(*)',
  count: (c) => `COUNT(${c.arg()})`,
  count_if: (c) => `COUNTIF(${c.arg()})`,
  count_distinct: (c) => `COUNT(DISTINCT ${c.arg()})`,
  sum: (c) => `SUM(${c.arg()})`,
  min: (c) => `MIN(${c.arg()})`,
  max: (c) => `MAX(${c.arg()})`,
  // GoogleSQL's AVG of FLOAT64 is a running mean: AVG(-inf, 0) is NaN, where JS's
  // sum / count is -Infinity. IEEE_DIVIDE keeps an empty input NULL (SUM is NULL).
  avg: (c) => (c.argType().kind === 'FLOAT64' ? `IEEE_DIVIDE(SUM(${c.arg()}), COUNT(${c.arg()}))` : `AVG(${c.arg()})`),
  // ANY_VALUE skips NULLs unless every value is NULL.
  any_value: (c) => `ANY_VALUE(${c.arg()})`,
  array_agg: (c) => {
    const arg = c.arg();
    const empty = `${typeName({ kind: 'ARRAY', nullable: false, element: c.argType() })}[]`;
    if (c.agg.distinct) {
      // GoogleSQL requires a DISTINCT aggregate to be ordered by the value itself.
      if (c.agg.order?.length) c.fail('arrayAgg with distinct cannot take an order', 'distinct arrays are sorted by value');
      return `COALESCE(ARRAY_AGG(DISTINCT ${arg} IGNORE NULLS ORDER BY ${arg}), ${empty})`;
    }
    const order = c.agg.order?.length ? ` ORDER BY ${c.order()}` : '';
    return `COALESCE(ARRAY_AGG(${arg} IGNORE NULLS${order}), ${empty})`;
  },
  first: pickOne(false),
  last: pickOne(true),
  latest_non_null: (c) => `ARRAY_AGG(${c.arg()} IGNORE NULLS ORDER BY ${c.order(true)} LIMIT 1)[SAFE_OFFSET(0)]`,
};

export const bigqueryWindows: WindowTable = {
  row_number: (c) => `ROW_NUMBER() ${c.over('ordered')}`,
  rank: (c) => `RANK() ${c.over('ordered')}`,
  lag: (c) => `LAG(${c.arg()}, ${c.win.offset ?? 1}) ${c.over('ordered')}`,
  lead: (c) => `LEAD(${c.arg()}, ${c.win.offset ?? 1}) ${c.over('ordered')}`,
  running_sum: (c) => `SUM(${c.arg()}) ${c.over('running')}`,
  running_count: (c) => `COUNT(*) ${c.over('running')}`,
  partition_min: (c) => `MIN(${c.arg()}) ${c.over('partition')}`,
  partition_max: (c) => `MAX(${c.arg()}) ${c.over('partition')}`,
};
