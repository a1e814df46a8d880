/**
 * filter → project of every input column with a WHERE.
 *
 * SQL drops rows whose condition is NULL, as JS drops rows whose predicate is falsy; the
 * translator makes the predicate itself follow JS truthiness.
 */
import type { FilterNode } from '../../../sdk/graph.js';
import type { Rel } from '../../ir/rel.js';
import { identityColumns } from '../util/exprs.js';
import { onlyInput, originOf, type LowerContext } from './context.js';

export function lowerFilter(node: FilterNode, ctx: LowerContext): Rel {
  const input = onlyInput(node, ctx);
  const where = ctx.env.translator.scalar(node.fn, [{ fields: input.schema }]);
  return { k: 'project', input, columns: identityColumns(input.schema), where, schema: input.schema, origin: originOf(node) };
}
