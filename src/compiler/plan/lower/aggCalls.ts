/**
 * One aggregate column (`g.sum(r => r.amount)`) → an AggCall and its output type.
 *
 * Type and nullability rules:
 * - count / countIf / countDistinct: INT64, never NULL (0 on an empty input).
 * - sum: INT64 stays INT64, FLOAT64 and NUMERIC keep their type; only numbers are accepted.
 * - avg: FLOAT64 (dialects cast NUMERIC averages); only numbers are accepted.
 * - min / max / any / first / last / latestNonNull: the value's type.
 * - Those value aggregates and sum / avg are nullable when the value is nullable (a group
 *   whose values are all NULL gives NULL, also for SUM) or when the aggregate is global
 *   (an empty input gives one row of NULLs). A keyed group always has at least one row, so
 *   a non-null value there gives a non-null result.
 * - arrayAgg: ARRAY<value type, non-null elements>, never NULL. NULL values are skipped and
 *   a group without non-null values gives an EMPTY array: dialects must render
 *   `ARRAY_AGG(x IGNORE NULLS ...)` wrapped to turn SQL's NULL result into `[]`, matching
 *   the SDK's `NonNullable<V>[]` type.
 */
import type { AggKind, AggSpec, LambdaRef } from '../../../sdk/graph.js';
import { SluiceError } from '../../../sdk/errors.js';
import { typeToString, type SqlField, type SqlType } from '../../../sdk/schema.js';
import { ty, withNullable, type Expr } from '../../ir/expr.js';
import type { AggCall, AggFn } from '../../ir/rel.js';
import type { Translator } from '../../translate/api.js';
import { isGroupable, isNumeric } from '../util/schema.js';

const FN_OF: Readonly<Record<AggKind, AggFn>> = {
  count: 'count_star',
  countIf: 'count_if',
  countDistinct: 'count_distinct',
  sum: 'sum',
  min: 'min',
  max: 'max',
  avg: 'avg',
  any: 'any_value',
  arrayAgg: 'array_agg',
  first: 'first',
  last: 'last',
  latestNonNull: 'latest_non_null',
};

/** Aggregates whose result is a value of the group (or NULL when there is none). */
const VALUE_KINDS: ReadonlySet<AggKind> = new Set(['sum', 'min', 'max', 'any', 'first', 'last', 'latestNonNull']);
const ORDERED_KINDS: ReadonlySet<AggKind> = new Set(['first', 'last', 'latestNonNull']);

export interface LoweredAgg {
  readonly call: AggCall;
  readonly field: SqlField;
}

interface AggScope {
  readonly translator: Translator;
  readonly fields: readonly SqlField[];
  /** No group key: one row over the whole input, even an empty one. */
  readonly global: boolean;
}

function required(spec: AggSpec, name: string, what: 'value' | 'order'): LambdaRef {
  const ref = spec[what];
  if (!ref) throw new SluiceError(`aggregate '${name}' (${spec.kind}) needs a ${what} function`, spec.site);
  return ref;
}

function checkArg(spec: AggSpec, name: string, arg: Expr): void {
  const type = arg.type;
  const fail = (why: string, hint?: string) =>
    new SluiceError(`aggregate '${name}': ${spec.kind}() ${why}, got ${typeToString(type)}`, spec.site, hint);
  if ((spec.kind === 'sum' || spec.kind === 'avg') && !isNumeric(type)) throw fail('needs a number');
  if ((spec.kind === 'min' || spec.kind === 'max') && !isGroupable(type)) throw fail('needs comparable values');
  if (spec.kind === 'countDistinct' && !isGroupable(type)) throw fail('needs comparable values');
  if (spec.kind === 'countIf' && type.kind !== 'BOOL') throw fail('needs a boolean condition');
  if (spec.kind === 'arrayAgg' && type.kind === 'ARRAY') throw fail('cannot collect arrays (arrays of arrays are not allowed)', 'wrap the array in an object');
}

function outputType(kind: AggKind, arg: Expr | undefined, global: boolean): SqlType {
  if (kind === 'count' || kind === 'countIf' || kind === 'countDistinct') return ty.int64();
  const value = arg!.type;
  const nullable = value.nullable || global;
  if (kind === 'avg') return ty.float64(nullable);
  if (kind === 'arrayAgg') return { kind: 'ARRAY', nullable: false, element: withNullable(value, false) };
  if (VALUE_KINDS.has(kind)) return withNullable(value, nullable);
  throw new Error(`planner: no output type for aggregate kind ${kind}`);
}

/** Lowers one aggregate column of `aggregate(g => ({ name: spec }))`. */
export function lowerAgg(name: string, spec: AggSpec, scope: AggScope): LoweredAgg {
  const params = [{ fields: scope.fields }];
  const arg = spec.kind === 'count' ? undefined : scope.translator.scalar(required(spec, name, 'value'), params);
  if (arg) checkArg(spec, name, arg);
  const orderRef = ORDERED_KINDS.has(spec.kind) ? required(spec, name, 'order') : spec.order;
  const order = orderRef ? scope.translator.ordering(orderRef, params) : undefined;
  const call: AggCall = {
    name,
    fn: FN_OF[spec.kind],
    site: spec.site,
    ...(arg ? { arg } : {}),
    ...(order ? { order } : {}),
    ...(spec.distinct ? { distinct: true } : {}),
  };
  return { call, field: { name, type: outputType(spec.kind, arg, scope.global) } };
}
