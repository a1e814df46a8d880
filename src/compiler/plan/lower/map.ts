/**
 * map → project of the lambda's object literal.
 */
import type { MapNode } from '../../../sdk/graph.js';
import type { Rel } from '../../ir/rel.js';
import { schemaOf } from '../util/schema.js';
import { onlyInput, originOf, type LowerContext } from './context.js';

export function lowerMap(node: MapNode, ctx: LowerContext): Rel {
  const input = onlyInput(node, ctx);
  const columns = ctx.env.translator.row(node.fn, [{ fields: input.schema }]);
  return { k: 'project', input, columns, schema: schemaOf(columns, input.schema), origin: originOf(node) };
}
