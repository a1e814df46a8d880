/**
 * Column-level lineage: for each output column, the source and model columns its values
 * are computed from (filters and join conditions do not count as values).
 */
import { walkExpr, type Expr } from '../ir/expr.js';
import type { Rel } from '../ir/rel.js';
import type { ColumnLineage } from './types.js';

type Lineage = ReadonlyMap<string, ReadonlySet<string>>;

function readsOf(expr: Expr | undefined, inputs: Readonly<Record<string, Lineage>>, elem?: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  if (!expr) return out;
  walkExpr(expr, (e) => {
    if (e.k === 'col') inputs[e.rel ?? '']?.get(e.name)?.forEach((x) => out.add(x));
    if ((e.k === 'elem' || e.k === 'elem_offset') && elem) elem.forEach((x) => out.add(x));
  });
  return out;
}

function lineageOf(rel: Rel, memo: Map<Rel, Lineage>): Lineage {
  const cached = memo.get(rel);
  if (cached) return cached;
  let result: Map<string, ReadonlySet<string>>;
  const input = (r: Rel) => lineageOf(r, memo);
  switch (rel.k) {
    case 'scan': {
      const prefix = rel.table.kind === 'source' ? `source:${rel.table.name}` : `model:${rel.table.name}`;
      result = new Map(rel.schema.map((f) => [f.name, new Set([`${prefix}.${f.name}`])]));
      break;
    }
    case 'project':
      result = new Map(rel.columns.map((c) => [c.name, readsOf(c.expr, { '': input(rel.input) })]));
      break;
    case 'aggregate': {
      const scope = { '': input(rel.input) };
      result = new Map([
        ...rel.keys.map((k) => [k.name, readsOf(k.expr, scope)] as const),
        ...rel.aggs.map((a) => [a.name, readsOf(a.arg, scope)] as const),
      ]);
      break;
    }
    case 'join': {
      const scope = { left: input(rel.left), right: input(rel.right) };
      result = new Map(rel.columns.map((c) => [c.name, readsOf(c.expr, scope)]));
      break;
    }
    case 'union':
      result = new Map(
        rel.schema.map((f) => [f.name, new Set(rel.inputs.flatMap((i) => [...(input(i).get(f.name) ?? [])]))]),
      );
      break;
    case 'distinct':
      result = new Map(input(rel.input));
      break;
    case 'window': {
      const scope = { '': input(rel.input) };
      result = new Map(input(rel.input));
      for (const w of rel.columns) result.set(w.name, readsOf(w.arg, scope));
      break;
    }
    case 'components': {
      const ends = input(rel.input);
      const both = new Set([...(ends.get('src') ?? []), ...(ends.get('dst') ?? [])]);
      result = new Map([
        ['node', both],
        ['component', both],
      ]);
      break;
    }
    case 'unnest': {
      const scope = { '': input(rel.input) };
      const elem = readsOf(rel.array, scope);
      result = new Map(rel.columns.map((c) => [c.name, readsOf(c.expr, scope, elem)]));
      break;
    }
  }
  memo.set(rel, result);
  return result;
}

/** Lineage of each output column of `rel`, in schema order, sorted and deduplicated. */
export function columnLineage(rel: Rel): ColumnLineage[] {
  const lineage = lineageOf(rel, new Map());
  return rel.schema.map((f) => ({ column: f.name, from: [...(lineage.get(f.name) ?? [])].sort() }));
}
