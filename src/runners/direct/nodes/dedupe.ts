/** dedupe: the first row per key by an ordering. */
import type { DedupeNode } from '../../../sdk/graph.js';
import { callLambda } from '../call.js';
import { partitionBy } from '../partition.js';
import type { NodeContext, Row } from '../scope.js';
import { sortByOrdering } from '../sort.js';

/**
 * Per key (SQL grouping equality, NULL one key), the first row by `order`; among ties the
 * first in input order (SQL leaves it unspecified). Output in order of first key appearance.
 */
export function dedupe(node: DedupeNode, ctx: NodeContext): Row[] {
  const groups = partitionBy(ctx.rows(node.inputs[0]!), (row) => callLambda(node.key, row));
  return groups.map((group) => sortByOrdering(group.items, node.order, (row) => row)[0]!.item);
}
