/**
 * connectedComponents → components over an input of exactly (src, dst) of one comparable type.
 */
import { SluiceError } from '../../../sdk/errors.js';
import type { ComponentsNode } from '../../../sdk/graph.js';
import { typeToString } from '../../../sdk/schema.js';
import type { Rel } from '../../ir/rel.js';
import { onlyInput, originOf, type LowerContext } from './context.js';

export function lowerComponents(node: ComponentsNode, ctx: LowerContext): Rel {
  const input = onlyInput(node, ctx);
  const src = input.schema.find((f) => f.name === 'src');
  const dst = input.schema.find((f) => f.name === 'dst');
  if (!src || !dst) {
    throw new SluiceError(
      `connectedComponents needs columns 'src' and 'dst'; the input has ${input.schema.map((f) => `'${f.name}'`).join(', ')}`,
      node.site,
      'map the edges to { src, dst } first',
    );
  }
  if (src.type.kind !== dst.type.kind || (src.type.kind !== 'STRING' && src.type.kind !== 'INT64')) {
    throw new SluiceError(
      `connectedComponents needs 'src' and 'dst' of the same type, STRING or INT64; got ${typeToString(src.type)} and ${typeToString(dst.type)}`,
      node.site,
    );
  }
  const type = { kind: src.type.kind, nullable: false } as const;
  return {
    k: 'components',
    input,
    maxRounds: node.maxRounds,
    schema: [
      { name: 'node', type },
      { name: 'component', type },
    ],
    origin: originOf(node),
  };
}
