/**
 * Column pruning: every node keeps only the columns its parents read, down to the scans
 * (a scan's schema becomes the list of columns it must read: BigQuery bills bytes scanned).
 *
 * Needs flow from the root (which keeps all its columns) to the inputs; a node read by
 * several parents keeps the union of their needs, so shared sub-trees stay shared.
 * - project / join / unnest drop unneeded output columns; their inputs need what the kept
 *   expressions, WHERE and ON read;
 * - aggregate keeps every group key (dropping one would merge groups) and drops unneeded
 *   aggregates;
 * - window drops unneeded pass-through columns and window columns neither needed nor read
 *   by QUALIFY;
 * - distinct needs all its input's columns (dropping one would change which rows are
 *   duplicates); union needs the same columns from every branch, and a branch that ends up
 *   with other columns (a shared branch) is re-selected in the union's order;
 * - no relation is left without columns (SQL cannot select nothing): when a parent needs
 *   none, the first column is kept.
 */
import { columnsOf, type Expr, type NamedExpr } from '../../ir/expr.js';
import type { Rel } from '../../ir/rel.js';
import { identityColumns } from '../util/exprs.js';
import { pickFields } from '../util/schema.js';
import { parentsFirst, rewriteBottomUp } from './dag.js';

type Needs = Map<Rel, Set<string>>;

function readsOf(exprs: readonly (Expr | undefined)[], rel?: string): Set<string> {
  const out = new Set<string>();
  for (const e of exprs) {
    if (!e) continue;
    for (const c of columnsOf(e)) {
      const dot = c.indexOf('.');
      const [side, name] = dot < 0 ? [undefined, c] : [c.slice(0, dot), c.slice(dot + 1)];
      if (side === rel) out.add(name);
    }
  }
  return out;
}

/**
 * The names a node keeps: its needed columns (plus every group key of an aggregate), or its
 * first column when none is needed.
 */
function kept(rel: Rel, needed: ReadonlySet<string>): Set<string> {
  const keys = new Set(rel.k === 'aggregate' ? rel.keys.map((k) => k.name) : []);
  const names = rel.schema.map((f) => f.name).filter((n) => needed.has(n) || keys.has(n));
  return new Set(names.length > 0 ? names : rel.schema.slice(0, 1).map((f) => f.name));
}

function keptColumns(columns: readonly NamedExpr[], keep: ReadonlySet<string>): NamedExpr[] {
  return columns.filter((c) => keep.has(c.name));
}

/** What each input of `rel` must provide when `rel` keeps `keep`. */
function inputNeeds(rel: Rel, keep: ReadonlySet<string>): Set<string>[] {
  switch (rel.k) {
    case 'scan':
      return [];
    case 'project':
    case 'unnest': {
      const exprs = [...keptColumns(rel.columns, keep).map((c) => c.expr), rel.where, ...(rel.k === 'unnest' ? [rel.array] : [])];
      return [readsOf(exprs)];
    }
    case 'aggregate': {
      const aggs = rel.aggs.filter((a) => keep.has(a.name));
      return [readsOf([...rel.keys.map((k) => k.expr), ...aggs.flatMap((a) => [a.arg, ...(a.order ?? []).map((o) => o.expr)]), rel.where])];
    }
    case 'join': {
      const exprs = [...keptColumns(rel.columns, keep).map((c) => c.expr), rel.on];
      return [readsOf(exprs, 'left'), readsOf(exprs, 'right')];
    }
    case 'union':
      return rel.inputs.map(() => new Set(keep));
    case 'distinct':
      return [new Set(rel.input.schema.map((f) => f.name))];
    case 'components':
      return [new Set(['src', 'dst'])];
    case 'window': {
      const windowNames = new Set(rel.columns.map((c) => c.name));
      const calls = rel.columns.filter((c) => keep.has(c.name) || readsOf([rel.qualify]).has(c.name));
      const reads = readsOf([...rel.partition, ...rel.order.map((o) => o.expr), ...calls.map((c) => c.arg), rel.where, rel.qualify]);
      for (const name of keep) if (!windowNames.has(name)) reads.add(name);
      for (const name of windowNames) reads.delete(name);
      return [reads];
    }
  }
}

/** Re-selects `input` as exactly `names` in order when it provides more or another order. */
function alignedBranch(input: Rel, schema: Rel['schema']): Rel {
  const same = input.schema.length === schema.length && input.schema.every((f, i) => f.name === schema[i]!.name);
  if (same) return input;
  const fields = schema.map((f) => input.schema.find((g) => g.name === f.name)!);
  return { k: 'project', input, columns: identityColumns(fields), schema: fields, origin: input.origin };
}

/** The node with only the kept columns, over already-pruned inputs. */
function pruned(rel: Rel, keep: ReadonlySet<string>): Rel {
  const schema = pickFields(rel.schema, keep);
  switch (rel.k) {
    case 'scan':
      return { ...rel, schema };
    case 'project':
    case 'unnest':
    case 'join':
      return { ...rel, columns: keptColumns(rel.columns, keep), schema };
    case 'aggregate':
      return { ...rel, aggs: rel.aggs.filter((a) => keep.has(a.name)), schema };
    case 'window': {
      const qualifyReads = readsOf([rel.qualify]);
      return { ...rel, columns: rel.columns.filter((c) => keep.has(c.name) || qualifyReads.has(c.name)), schema };
    }
    case 'union':
      return { ...rel, inputs: rel.inputs.map((input) => alignedBranch(input, schema)), schema };
    case 'distinct':
    case 'components':
      return rel;
  }
}

/** Runs column pruning over a whole tree (see the module comment). */
export function prune(root: Rel): Rel {
  const needs: Needs = new Map([[root, new Set(root.schema.map((f) => f.name))]]);
  const keeps = new Map<Rel, Set<string>>();
  for (const rel of parentsFirst(root)) {
    const keep = kept(rel, needs.get(rel) ?? new Set());
    keeps.set(rel, keep);
    const inputs = rel.k === 'scan' ? [] : rel.k === 'join' ? [rel.left, rel.right] : rel.k === 'union' ? rel.inputs : [rel.input];
    inputNeeds(rel, keep).forEach((need, i) => {
      const input = inputs[i]!;
      const acc = needs.get(input) ?? new Set<string>();
      need.forEach((n) => acc.add(n));
      needs.set(input, acc);
    });
  }
  return rewriteBottomUp(root, (rel, original) => pruned(rel, keeps.get(original)!));
}
