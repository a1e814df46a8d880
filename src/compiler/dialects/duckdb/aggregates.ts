/**
 * DuckDB's aggregate and window mapping tables. DuckDB sums BIGINT into HUGEINT, so integer
 * sums are cast back to BIGINT (INT64, as in BigQuery).
 */
import type { SqlType } from '../../../sdk/schema.js';
import type { AggTable, WindowTable } from '../shared/sql-spec.js';
import { typeName } from './syntax.js';

const intSum = (sql: string, type: SqlType): string => (type.kind === 'INT64' ? `CAST(${sql} AS BIGINT)` : sql);

export const duckdbAggs: AggTable = {
  count_star: () => 'count(*)',
  count: (c) => `count(${c.arg()})`,
  // count_if() is NULL over zero rows (a global aggregate of an empty input); COUNT(*) FILTER is 0.
  count_if: (c) => `count(*) FILTER (WHERE ${c.arg()})`,
  count_distinct: (c) => `count(DISTINCT ${c.arg()})`,
  sum: (c) => intSum(`sum(${c.arg()})`, c.argType()),
  // JS Math.min (and BigQuery MIN) give NaN when any value is NaN; DuckDB orders NaN above every
  // number, so max() is NaN exactly then and min() must be told.
  min: (c) => (c.argType().kind === 'FLOAT64' ? `CASE WHEN isnan(max(${c.arg()})) THEN max(${c.arg()}) ELSE min(${c.arg()}) END` : `min(${c.arg()})`),
  max: (c) => `max(${c.arg()})`,
  avg: (c) => `avg(${c.arg()})`,
  // any_value skips NULLs unless every value is NULL.
  any_value: (c) => `any_value(${c.arg()})`,
  array_agg: (c) => {
    const arg = c.arg();
    const empty = `CAST([] AS ${typeName(c.argType())}[])`;
    if (c.agg.distinct) {
      // Same rule as BigQuery, which requires DISTINCT arrays to be ordered by the value.
      if (c.agg.order?.length) c.fail('arrayAgg with distinct cannot take an order', 'distinct arrays are sorted by value');
      return `COALESCE(array_agg(DISTINCT ${arg} ORDER BY ${arg} ASC NULLS FIRST) FILTER (WHERE ${arg} IS NOT NULL), ${empty})`;
    }
    const order = c.agg.order?.length ? ` ORDER BY ${c.order()}` : '';
    return `COALESCE(array_agg(${arg}${order}) FILTER (WHERE ${arg} IS NOT NULL), ${empty})`;
  },
  // first() keeps NULL values (unlike any_value), which is what first / last by order mean.
  first: (c) => `first(${c.arg()} ORDER BY ${c.order()})`,
  last: (c) => `first(${c.arg()} ORDER BY ${c.order(true)})`,
  latest_non_null: (c) => `first(${c.arg()} ORDER BY ${c.order(true)}) FILTER (WHERE ${c.arg()} IS NOT NULL)`,
};

export const duckdbWindows: WindowTable = {
  row_number: (c) => `row_number() ${c.over('ordered')}`,
  rank: (c) => `rank() ${c.over('ordered')}`,
  lag: (c) => `lag(${c.arg()}, ${c.win.offset ?? 1}) ${c.over('ordered')}`,
  lead: (c) => `lead(${c.arg()}, ${c.win.offset ?? 1}) ${c.over('ordered')}`,
  running_sum: (c) => intSum(`sum(${c.arg()}) ${c.over('running')}`, c.win.arg?.type ?? { kind: 'FLOAT64', nullable: true }),
  running_count: (c) => `count(*) ${c.over('running')}`,
  partition_min: (c) => `min(${c.arg()}) ${c.over('partition')}`,
  partition_max: (c) => `max(${c.arg()}) ${c.over('partition')}`,
};
