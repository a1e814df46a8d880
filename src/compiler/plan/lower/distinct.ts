/**
 * distinct → distinct, refused at compile time on columns BigQuery cannot compare.
 */
import type { DistinctNode } from '../../../sdk/graph.js';
import { SluiceError } from '../../../sdk/errors.js';
import { typeToString } from '../../../sdk/schema.js';
import type { Rel } from '../../ir/rel.js';
import { isGroupable } from '../util/schema.js';
import { onlyInput, originOf, type LowerContext } from './context.js';

export function lowerDistinct(node: DistinctNode, ctx: LowerContext): Rel {
  const input = onlyInput(node, ctx);
  const bad = input.schema.filter((f) => !isGroupable(f.type));
  if (bad.length > 0) {
    throw new SluiceError(
      `distinct() cannot compare column${bad.length > 1 ? 's' : ''} ${bad.map((f) => `'${f.name}' (${typeToString(f.type)})`).join(', ')}`,
      node.site,
      'map those columns away (or to a string) before distinct()',
    );
  }
  return { k: 'distinct', input, schema: input.schema, origin: originOf(node) };
}
