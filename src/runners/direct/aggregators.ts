/**
 * One function per aggregator kind, computing a group's value from its rows. These are the
 * definitions the SQL side mirrors; see the notes on each.
 */
import type { AggKind, AggSpec, LambdaRef } from '../../sdk/graph.js';
import { callLambda, lambdaError } from './call.js';
import { compareValues } from './compare.js';
import type { Row } from './scope.js';
import { sortByOrdering } from './sort.js';
import { holds, isNull, materialize, preview, valueKey } from './values.js';

type Aggregator = (spec: AggSpec, rows: readonly Row[]) => unknown;

function valueRef(spec: AggSpec): LambdaRef {
  if (!spec.value) throw new Error(`internal: ${spec.kind} aggregate without a value lambda`);
  return spec.value;
}

function orderRef(spec: AggSpec): LambdaRef {
  if (!spec.order) throw new Error(`internal: ${spec.kind} aggregate without an order lambda`);
  return spec.order;
}

/** The non-null values of the value lambda, in row order. */
function nonNullValues(spec: AggSpec, rows: readonly Row[]): unknown[] {
  const ref = valueRef(spec);
  return rows.map((row) => callLambda(ref, row)).filter((v) => !isNull(v));
}

function numbers(spec: AggSpec, rows: readonly Row[]): number[] {
  const values = nonNullValues(spec, rows);
  for (const v of values) {
    if (typeof v !== 'number') throw lambdaError(valueRef(spec), `must return a number or null for ${spec.kind}(), returned ${preview(v, 60)}`);
  }
  return values as number[];
}

function total(values: readonly number[]): number {
  return values.reduce((a, b) => a + b);
}

/**
 * MIN / MAX: NULLs ignored; NaN if any value is NaN (JavaScript's Math.min/Math.max and
 * BigQuery's MIN/MAX; DuckDB must emulate it); otherwise by Sluice's sort order.
 */
function extreme(sign: 1 | -1): Aggregator {
  return (spec, rows) => {
    const values = nonNullValues(spec, rows);
    if (values.length === 0) return null;
    if (values.some((v) => typeof v === 'number' && Number.isNaN(v))) return NaN;
    try {
      return values.reduce((best, v) => (sign * compareValues(v, best) < 0 ? v : best));
    } catch (err) {
      if (err instanceof TypeError) throw lambdaError(valueRef(spec), `returned values that cannot be compared: ${err.message}`);
      throw err;
    }
  };
}

/** Rows sorted by the spec's ordering (stable: ties keep input order). */
function ordered(spec: AggSpec, rows: readonly Row[]): Row[] {
  return sortByOrdering(rows, orderRef(spec), (row) => row).map((k) => k.item);
}

function arrayAgg(spec: AggSpec, rows: readonly Row[]): unknown[] {
  const inOrder = spec.order ? ordered(spec, rows) : rows;
  const values = nonNullValues(spec, inOrder);
  if (!spec.distinct) return values.map(materialize);
  const seen = new Set<string>();
  return values
    .filter((v) => {
      const key = valueKey(v);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map(materialize);
}

const aggregators: Record<AggKind, Aggregator> = {
  /** Number of rows. */
  count: (_spec, rows) => rows.length,
  /** Rows whose predicate result is truthy. */
  countIf: (spec, rows) => rows.filter((row) => holds(callLambda(valueRef(spec), row))).length,
  /** Distinct non-null values, by SQL grouping equality (NaN = NaN, -0 = 0, Dates by time). */
  countDistinct: (spec, rows) => new Set(nonNullValues(spec, rows).map(valueKey)).size,
  /** Sum of non-null values in row order; null when there are none. */
  sum: (spec, rows) => {
    const values = numbers(spec, rows);
    return values.length === 0 ? null : total(values);
  },
  /** Mean of non-null values; null when there are none. */
  avg: (spec, rows) => {
    const values = numbers(spec, rows);
    return values.length === 0 ? null : total(values) / values.length;
  },
  min: extreme(1),
  max: extreme(-1),
  /** The first non-null value in row order (SQL: unspecified which; ANY_VALUE ignores NULLs). */
  any: (spec, rows) => materialize(nonNullValues(spec, rows)[0] ?? null),
  /** Non-null values, ordered by `order` when given; `distinct` keeps the first of equal values. Never null: [] when none. */
  arrayAgg,
  /** The value (possibly null) on the first row by `order`. */
  first: (spec, rows) => {
    const sorted = ordered(spec, rows);
    return sorted.length === 0 ? null : materialize(callLambda(valueRef(spec), sorted[0]));
  },
  /** The value (possibly null) on the last row by `order`. */
  last: (spec, rows) => {
    const sorted = ordered(spec, rows);
    return sorted.length === 0 ? null : materialize(callLambda(valueRef(spec), sorted[sorted.length - 1]));
  },
  /** The value of the last row by `order` among rows whose value is non-null; null when none. */
  latestNonNull: (spec, rows) => {
    const values = nonNullValues(spec, ordered(spec, rows));
    return values.length === 0 ? null : materialize(values[values.length - 1]);
  },
};

/** Computes one aggregate column over a group's rows (all rows of the input for a global aggregate). */
export function computeAggregate(spec: AggSpec, rows: readonly Row[]): unknown {
  return aggregators[spec.kind](spec, rows);
}
