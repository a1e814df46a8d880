/** Row-at-a-time and set transforms: map, filter, flatMap, union, distinct. */
import type { DistinctNode, FilterNode, FlatMapNode, MapNode, UnionNode } from '../../../sdk/graph.js';
import { callLambda, lambdaError } from '../call.js';
import type { NodeContext, Row } from '../scope.js';
import { holds, isPlainObject, materializeRow, preview, valueKey } from '../values.js';

/** One output row per input row: the lambda's result, materialized. */
export function map(node: MapNode, ctx: NodeContext): Row[] {
  return ctx.rows(node.inputs[0]!).map((row) => {
    const out = callLambda(node.fn, row);
    if (!isPlainObject(out)) throw lambdaError(node.fn, `must return a row object, returned ${preview(out, 60)}`);
    return materializeRow(out);
  });
}

/** Keeps rows for which the predicate is truthy (`Array.prototype.filter` semantics). */
export function filter(node: FilterNode, ctx: NodeContext): Row[] {
  return ctx.rows(node.inputs[0]!).filter((row) => holds(callLambda(node.fn, row)));
}

/** The concatenation of the arrays the lambda returns (SQL UNNEST). */
export function flatMap(node: FlatMapNode, ctx: NodeContext): Row[] {
  return ctx.rows(node.inputs[0]!).flatMap((row) => {
    const out = callLambda(node.fn, row);
    if (!Array.isArray(out)) throw lambdaError(node.fn, `must return an array of row objects, returned ${preview(out, 60)}`);
    return out.map((item) => {
      if (!isPlainObject(item)) throw lambdaError(node.fn, `must return row objects, returned an element ${preview(item, 60)}`);
      return materializeRow(item);
    });
  });
}

/** UNION ALL: the inputs' rows one after another. */
export function union(node: UnionNode, ctx: NodeContext): Row[] {
  return node.inputs.flatMap((input) => ctx.rows(input));
}

/** Removes rows equal (field by field, SQL DISTINCT equality) to an earlier row. */
export function distinct(node: DistinctNode, ctx: NodeContext): Row[] {
  const seen = new Set<string>();
  return ctx.rows(node.inputs[0]!).filter((row) => {
    const key = valueKey(row);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
