/**
 * flatMap → unnest: one output row per element of the array the lambda maps over.
 */
import type { FlatMapNode } from '../../../sdk/graph.js';
import type { Rel } from '../../ir/rel.js';
import { schemaOf } from '../util/schema.js';
import { onlyInput, originOf, type LowerContext } from './context.js';

export function lowerFlatMap(node: FlatMapNode, ctx: LowerContext): Rel {
  const input = onlyInput(node, ctx);
  const { array, columns } = ctx.env.translator.flatMap(node.fn, [{ fields: input.schema }]);
  return { k: 'unnest', input, array, columns, schema: schemaOf(columns, input.schema), origin: originOf(node) };
}
