/**
 * The translator's contract with the planner: lambdas in, expression IR out.
 *
 * Every function finds the lambda's source at `ref.site` (the SDK call `ref.callee`,
 * argument `ref.arg`, property `ref.prop`), binds its parameters to the given rows, and
 * translates its body. Unsupported constructs throw a SluiceError naming the construct's own
 * file:line:col and what to write instead.
 */
import type { LambdaRef } from '../../sdk/graph.js';
import type { SqlField } from '../../sdk/schema.js';
import type { Expr, NamedExpr, OrderItem } from '../ir/expr.js';

/** A lambda parameter bound to a row of a relation. */
export interface RowParam {
  readonly fields: readonly SqlField[];
  /** The relation its columns belong to: 'left' / 'right' in join lambdas; absent otherwise. */
  readonly rel?: string;
}

export interface Translator {
  /** A lambda returning one value: filter predicates, aggregate arguments, expectation values. */
  scalar(ref: LambdaRef, params: readonly RowParam[]): Expr;
  /**
   * A lambda returning an object literal (map, join select): one named expression per
   * property, in source order; spreads (`...r`) expand to the row's fields.
   */
  row(ref: LambdaRef, params: readonly RowParam[]): NamedExpr[];
  /** A group / dedupe / partition key: an object literal gives named keys; anything else is `key`. */
  key(ref: LambdaRef, params: readonly RowParam[]): NamedExpr[];
  /** An ordering lambda: one key, or an array of keys, each maybe wrapped in `desc(...)`. */
  ordering(ref: LambdaRef, params: readonly RowParam[]): OrderItem[];
  /**
   * A flatMap lambda: `arr.map(x => ({...}))` or `[{...}, {...}]`. Returns the array to
   * unnest and the output columns, which read the element with `elem` / `elem_offset`.
   */
  flatMap(ref: LambdaRef, params: readonly RowParam[]): { array: Expr; columns: NamedExpr[] };
}
