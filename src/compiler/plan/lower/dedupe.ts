/**
 * dedupe → window numbering each key's rows by the ordering, keeping number 1
 * (QUALIFY row_number = 1). The helper number is not an output column.
 */
import type { DedupeNode } from '../../../sdk/graph.js';
import { ty } from '../../ir/expr.js';
import type { Rel } from '../../ir/rel.js';
import { col, eq, lit } from '../util/exprs.js';
import { freshName } from '../util/schema.js';
import { onlyInput, originOf, type LowerContext } from './context.js';

export function lowerDedupe(node: DedupeNode, ctx: LowerContext): Rel {
  const input = onlyInput(node, ctx);
  const params = [{ fields: input.schema }];
  const partition = ctx.env.translator.key(node.key, params).map((k) => k.expr);
  const order = ctx.env.translator.ordering(node.order, params);
  const rn = freshName('__rn', input.schema.map((f) => f.name));
  return {
    k: 'window',
    input,
    partition,
    order,
    columns: [{ name: rn, fn: 'row_number', site: node.site }],
    qualify: eq(col(rn, ty.int64()), lit(1, ty.int64())),
    schema: input.schema,
    origin: originOf(node),
  };
}
