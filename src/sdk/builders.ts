/**
 * The `g` of `aggregate(g => ...)` and the `w` of `window(..., w => ...)`.
 *
 * Each method is typed as the value it produces, so the output row type is inferred, but at
 * capture time it returns a spec object that the compiler and the DirectRunner interpret.
 */
import { captureCallSite } from './callsite.js';
import type { AggKind, AggSpec, AnyFn, LambdaRef, WindowKind, WindowSpec } from './graph.js';
import type { Ordering } from './ordering.js';

function lambda(fn: AnyFn, callee: string, arg: number, site = captureCallSite()): LambdaRef {
  if (typeof fn !== 'function') throw new TypeError(`${callee}() expects a function as argument ${arg + 1}`);
  return { fn, site, callee, arg };
}

/** Aggregators over the rows of one group. */
export interface Group<T> {
  /** Number of rows. */
  count(): number;
  /** Number of rows for which `pred` is true. */
  countIf(pred: (row: T) => boolean): number;
  /** Number of distinct non-null values. */
  countDistinct(value: (row: T) => unknown): number;
  /** Sum of non-null values; null when there are none. */
  sum<V extends number | null>(value: (row: T) => V): V;
  /** Smallest non-null value; null when there are none. */
  min<V>(value: (row: T) => V): V;
  /** Largest non-null value; null when there are none. */
  max<V>(value: (row: T) => V): V;
  /** Mean of non-null values; null when there are none. */
  avg(value: (row: T) => number | null): number | null;
  /** Some non-null value of the group (which one is unspecified); null when there are none. */
  any<V>(value: (row: T) => V): V;
  /** All non-null values as an array, ordered by `order` when given. */
  arrayAgg<V>(value: (row: T) => V, options?: { order?: (row: T) => Ordering; distinct?: boolean }): NonNullable<V>[];
  /** The value on the first row by `order`. */
  first<V>(value: (row: T) => V, order: (row: T) => Ordering): V;
  /** The value on the last row by `order`. */
  last<V>(value: (row: T) => V, order: (row: T) => Ordering): V;
  /** The last non-null value by `order` (survivorship: most recent non-null). */
  latestNonNull<V>(value: (row: T) => V, order: (row: T) => Ordering): V | null;
}

function agg(kind: AggKind, value?: AnyFn, order?: AnyFn, distinct?: boolean): AggSpec {
  const site = captureCallSite();
  return {
    kind,
    site,
    ...(value ? { value: lambda(value, kind, 0, site) } : {}),
    ...(order ? { order: lambda(order, kind, 1, site) } : {}),
    ...(distinct ? { distinct } : {}),
  };
}

/** Builds the recording `g` handed to aggregate callbacks. */
export function groupRecorder<T>(): Group<T> {
  const recorder = {
    count: () => agg('count'),
    countIf: (pred: AnyFn) => agg('countIf', pred),
    countDistinct: (value: AnyFn) => agg('countDistinct', value),
    sum: (value: AnyFn) => agg('sum', value),
    min: (value: AnyFn) => agg('min', value),
    max: (value: AnyFn) => agg('max', value),
    avg: (value: AnyFn) => agg('avg', value),
    any: (value: AnyFn) => agg('any', value),
    arrayAgg: (value: AnyFn, options: { order?: AnyFn; distinct?: boolean } = {}) => {
      const site = captureCallSite();
      const spec: AggSpec = {
        kind: 'arrayAgg',
        site,
        value: lambda(value, 'arrayAgg', 0, site),
        ...(options.order ? { order: { ...lambda(options.order, 'arrayAgg', 1, site), prop: 'order' } } : {}),
        ...(options.distinct ? { distinct: true } : {}),
      };
      return spec;
    },
    first: (value: AnyFn, order: AnyFn) => agg('first', value, order),
    last: (value: AnyFn, order: AnyFn) => agg('last', value, order),
    latestNonNull: (value: AnyFn, order: AnyFn) => agg('latestNonNull', value, order),
  };
  return recorder as unknown as Group<T>;
}

/** Window values over a row's partition, in the window's order. */
export interface WindowFns<T> {
  /** 1-based position of the row in its partition. */
  rowNumber(): number;
  /** Rank with gaps for ties in the order. */
  rank(): number;
  /** The value `offset` rows earlier in the partition (default 1); null before the start. */
  lag<V>(value: (row: T) => V, offset?: number): V | null;
  /** The value `offset` rows later in the partition (default 1); null past the end. */
  lead<V>(value: (row: T) => V, offset?: number): V | null;
  /** Sum of the value over the partition up to and including this row (ties in the order are separate rows). */
  runningSum(value: (row: T) => number | null): number | null;
  /** Number of rows in the partition up to and including this row. */
  runningCount(): number;
}

function win(kind: WindowKind, value?: AnyFn, offset?: number): WindowSpec {
  const site = captureCallSite();
  if (offset !== undefined && (!Number.isInteger(offset) || offset < 0)) {
    throw new RangeError(`${kind}() offset must be a non-negative integer, got ${offset}`);
  }
  return {
    kind,
    site,
    ...(value ? { value: lambda(value, kind, 0, site) } : {}),
    ...(offset !== undefined ? { offset } : {}),
  };
}

/** Builds the recording `w` handed to window callbacks. */
export function windowRecorder<T>(): WindowFns<T> {
  const recorder = {
    rowNumber: () => win('rowNumber'),
    rank: () => win('rank'),
    lag: (value: AnyFn, offset = 1) => win('lag', value, offset),
    lead: (value: AnyFn, offset = 1) => win('lead', value, offset),
    runningSum: (value: AnyFn) => win('runningSum', value),
    runningCount: () => win('runningCount'),
  };
  return recorder as unknown as WindowFns<T>;
}

export { lambda as lambdaRef };
