/** Inner, left and full joins by a nested loop over both inputs. */
import type { JoinNode } from '../../../sdk/graph.js';
import { callLambda, lambdaError } from '../call.js';
import { nullRow } from '../null-row.js';
import type { NodeContext, Row } from '../scope.js';
import { holds, isPlainObject, materializeRow, preview } from '../values.js';

function sideFields(rows: readonly Row[], node: JoinNode['inputs'][number], ctx: NodeContext): readonly string[] {
  return rows.length > 0 ? Object.keys(rows[0]!) : (ctx.fields(node) ?? []);
}

/**
 * Emits `select(l, r)` for every pair where `on(l, r)` is truthy, left-major. A left join
 * then emits each unmatched left row with an all-null right; a full join also emits each
 * unmatched right row (after all left rows) with an all-null left. Note `null === null` is
 * true in JS, so `l.k === r.k` matches NULL keys (the SQL side uses IS NOT DISTINCT FROM).
 */
export function join(node: JoinNode, ctx: NodeContext): Row[] {
  const [leftNode, rightNode] = [node.inputs[0]!, node.inputs[1]!];
  const left = ctx.rows(leftNode);
  const right = ctx.rows(rightNode);
  const select = (l: Row, r: Row): Row => {
    const out = callLambda(node.select, l, r);
    if (!isPlainObject(out)) throw lambdaError(node.select, `must return a row object, returned ${preview(out, 60)}`);
    return materializeRow(out);
  };
  const out: Row[] = [];
  const rightMatched = new Array<boolean>(right.length).fill(false);
  const nullRight = node.joinType === 'inner' ? undefined : nullRow(sideFields(right, rightNode, ctx));
  for (const l of left) {
    let matched = false;
    right.forEach((r, i) => {
      if (!holds(callLambda(node.on, l, r))) return;
      matched = true;
      rightMatched[i] = true;
      out.push(select(l, r));
    });
    if (!matched && nullRight) out.push(select(l, nullRight));
  }
  if (node.joinType === 'full') {
    const nullLeft = nullRow(sideFields(left, leftNode, ctx));
    right.forEach((r, i) => {
      if (!rightMatched[i]) out.push(select(nullLeft, r));
    });
  }
  return out;
}
