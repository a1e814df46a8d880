/**
 * join → join. The condition sees both sides as declared; the select sees the outer-joined
 * side(s) with every field nullable (a left join's right side, both sides of a full join),
 * exactly as the SDK types them.
 */
import type { JoinNode } from '../../../sdk/graph.js';
import type { Rel } from '../../ir/rel.js';
import { nullableFields, schemaOf } from '../util/schema.js';
import { originOf, type LowerContext } from './context.js';

export function lowerJoin(node: JoinNode, ctx: LowerContext): Rel {
  const [leftNode, rightNode] = node.inputs;
  if (!leftNode || !rightNode || node.inputs.length !== 2) {
    throw new Error(`planner: join node '${node.name}' must have two inputs, has ${node.inputs.length}`);
  }
  const left = ctx.input(leftNode);
  const right = ctx.input(rightNode);
  const translator = ctx.env.translator;
  const on = translator.scalar(node.on, [
    { fields: left.schema, rel: 'left' },
    { fields: right.schema, rel: 'right' },
  ]);
  const leftSeen = node.joinType === 'full' ? nullableFields(left.schema) : left.schema;
  const rightSeen = node.joinType === 'inner' ? right.schema : nullableFields(right.schema);
  const columns = translator.row(node.select, [
    { fields: leftSeen, rel: 'left' },
    { fields: rightSeen, rel: 'right' },
  ]);
  return { k: 'join', left, right, joinType: node.joinType, on, columns, schema: schemaOf(columns), origin: originOf(node) };
}
