/** window: row number, rank, lag/lead and running aggregates per partition. */
import { SluiceError } from '../../../sdk/errors.js';
import type { WindowNode, WindowSpec } from '../../../sdk/graph.js';
import { callLambda, lambdaError } from '../call.js';
import { compareOrderings } from '../compare.js';
import { partitionBy } from '../partition.js';
import type { NodeContext, Row } from '../scope.js';
import { sortByOrdering, type Keyed } from '../sort.js';
import { isNull, materialize, preview } from '../values.js';

/** Values of one window column for a partition's rows in window order. */
type WindowFn = (spec: WindowSpec, sorted: readonly Keyed<Row>[]) => unknown[];

function valueAt(spec: WindowSpec, sorted: readonly Keyed<Row>[], index: number): unknown {
  const row = sorted[index];
  return row === undefined ? null : materialize(callLambda(spec.value!, row.item));
}

const windowFns: Record<WindowSpec['kind'], WindowFn> = {
  /** 1-based position in the window order. */
  rowNumber: (_spec, sorted) => sorted.map((_, i) => i + 1),
  /** 1 + the number of rows strictly before this one in the order (ties share a rank; gaps follow). */
  rank: (_spec, sorted) => {
    const ranks: number[] = [];
    sorted.forEach((row, i) => ranks.push(i > 0 && compareOrderings(sorted[i - 1]!.key, row.key) === 0 ? ranks[i - 1]! : i + 1));
    return ranks;
  },
  /** The value `offset` rows earlier (default 1); null before the partition's start. */
  lag: (spec, sorted) => sorted.map((_, i) => valueAt(spec, sorted, i - (spec.offset ?? 1))),
  /** The value `offset` rows later (default 1); null past the partition's end. */
  lead: (spec, sorted) => sorted.map((_, i) => valueAt(spec, sorted, i + (spec.offset ?? 1))),
  /** Sum of non-null values from the partition start through this row (ROWS frame: ties are separate rows); null while none. */
  runningSum: (spec, sorted) => {
    let sum: number | null = null;
    return sorted.map((row) => {
      const v = callLambda(spec.value!, row.item);
      if (!isNull(v)) {
        if (typeof v !== 'number') throw lambdaError(spec.value!, `must return a number or null for runningSum(), returned ${preview(v, 60)}`);
        sum = sum === null ? v : sum + v;
      }
      return sum;
    });
  },
  /** Rows from the partition start through this row (ROWS frame). */
  runningCount: (_spec, sorted) => sorted.map((_, i) => i + 1),
};

/**
 * Adds the window columns to every row. Partitions use SQL grouping equality (NULL is one
 * partition); within a partition rows are in `order`, ties in input order (unspecified in
 * SQL). Output rows keep the input order.
 */
export function windowNode(node: WindowNode, ctx: NodeContext): Row[] {
  const rows = ctx.rows(node.inputs[0]!);
  const names = Object.keys(node.columns);
  const clash = rows.length > 0 ? names.find((n) => n in rows[0]!) : undefined;
  if (clash !== undefined) throw new SluiceError(`window column '${clash}' already exists in the input rows`, node.columns[clash]!.site);

  const indexed = rows.map((row, index) => ({ row, index }));
  const partition = node.partition;
  const partitions = partition ? partitionBy(indexed, (it) => callLambda(partition, it.row)) : [{ key: null, items: indexed }];
  const out: Row[] = new Array<Row>(rows.length);
  for (const part of partitions) {
    const sorted = sortByOrdering(part.items, node.order, (it) => it.row);
    const asRows = sorted.map((k) => ({ item: k.item.row, key: k.key }));
    const columns = names.map((name) => windowFns[node.columns[name]!.kind](node.columns[name]!, asRows));
    sorted.forEach((k, i) => {
      const extra: Row = {};
      names.forEach((name, c) => (extra[name] = columns[c]![i]));
      out[k.item.index] = { ...k.item.row, ...extra };
    });
  }
  return out;
}
