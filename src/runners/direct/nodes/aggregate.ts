/** groupBy(...).aggregate(...) and global aggregate. */
import { SluiceError } from '../../../sdk/errors.js';
import type { AggregateNode } from '../../../sdk/graph.js';
import { computeAggregate } from '../aggregators.js';
import { callLambda } from '../call.js';
import { partitionBy } from '../partition.js';
import type { NodeContext, Row } from '../scope.js';
import { isPlainObject, materialize, materializeRow } from '../values.js';

/**
 * The columns a group key contributes: an object key's fields, any other key as `key`.
 * Taken from the group's first row (equal keys may differ in sign of zero only).
 */
export function keyColumns(key: unknown): Row {
  return isPlainObject(key) ? materializeRow(key) : { key: materialize(key) };
}

function aggregateRow(node: AggregateNode, keyCols: Row, rows: readonly Row[]): Row {
  const out: Row = { ...keyCols };
  for (const [name, spec] of Object.entries(node.aggs)) {
    if (name in keyCols) throw new SluiceError(`aggregate column '${name}' has the name of a group key column`, spec.site, 'rename the aggregate or the key field');
    out[name] = computeAggregate(spec, rows);
  }
  return out;
}

/**
 * One row per distinct key (SQL GROUP BY equality), in order of first appearance; a global
 * aggregate yields exactly one row, even over zero input rows.
 */
export function aggregate(node: AggregateNode, ctx: NodeContext): Row[] {
  const rows = ctx.rows(node.inputs[0]!);
  const key = node.key;
  if (!key) return [aggregateRow(node, {}, rows)];
  return partitionBy(rows, (row) => callLambda(key, row)).map((group) => aggregateRow(node, keyColumns(group.key), group.items));
}
