/**
 * Predicate pushdown: moves each conjunct of a WHERE as far down as it keeps its meaning, so
 * rows are dropped before joins, aggregations and unions.
 *
 * Sinking conjuncts into a node (conjuncts read the node's output columns):
 * - join: a conjunct whose substituted form reads one side only goes into that side when the
 *   join type allows it (inner: both sides; left: the left side only; full: neither);
 * - union: every conjunct goes into every branch;
 * - aggregate: conjuncts reading only group-key columns go below (filtering groups by key is
 *   filtering input rows by the key expression);
 * - window: conjuncts reading only columns that are partition expressions go below (whole
 *   partitions are dropped, so the other rows' window values do not change);
 * - distinct: every conjunct goes below (filtering commutes with DISTINCT);
 * - project / unnest: conjuncts are substituted into the node's WHERE when the inlining rule
 *   of ./inline.ts allows, then sink further into its input when they read no element of the
 *   unnest;
 * - scans, and nodes read by more than one parent, take nothing.
 * Conjuncts that cannot move stay where they were. Every WHERE in the tree (project,
 * aggregate, window, unnest) is a starting point.
 */
import { columnsOf, mapExpr, walkExpr, type Expr } from '../../ir/expr.js';
import type { Rel } from '../../ir/rel.js';
import { and, andMaybe, conjunctsOf, identityColumns } from '../util/exprs.js';
import { fieldNamed } from '../util/schema.js';
import { parentCounts, rewriteBottomUp } from './dag.js';
import { canInline, substitute } from './inline.js';

interface Sunk {
  readonly rel: Rel;
  /** Conjuncts the node could not take. */
  readonly rest: readonly Expr[];
}

type IsShared = (rel: Rel) => boolean;

/** A filter over `rel` keeping the rows where all `conds` hold (nothing when there are none). */
function filtered(rel: Rel, conds: readonly Expr[]): Rel {
  const where = and(conds);
  if (!where) return rel;
  return { k: 'project', input: rel, columns: identityColumns(rel.schema), where, schema: rel.schema, origin: rel.origin };
}

/** Sinks `conds` into `rel` as deep as possible, wrapping what stops at `rel` in a filter. */
function sinkOrFilter(rel: Rel, conds: readonly Expr[], isShared: IsShared): Rel {
  if (conds.length === 0) return rel;
  const sunk = sink(rel, conds, isShared);
  return filtered(sunk.rel, sunk.rest);
}

function readsElement(e: Expr): boolean {
  let found = false;
  walkExpr(e, (x) => {
    if (x.k === 'elem' || x.k === 'elem_offset') found = true;
  });
  return found;
}

/** Rewrites join-side references (`left.a`) into plain references to that side's columns. */
function onSide(e: Expr, side: Rel): Expr {
  return mapExpr(e, (x) => (x.k === 'col' && x.rel !== undefined ? { k: 'col', name: x.name, type: fieldNamed(side.schema, x.name)?.type ?? x.type } : undefined));
}

function sideOf(e: Expr): 'left' | 'right' | undefined {
  const rels = new Set([...columnsOf(e)].map((c) => c.split('.')[0]));
  if (rels.size !== 1) return undefined;
  const only = [...rels][0];
  return only === 'left' || only === 'right' ? only : undefined;
}

function sinkJoin(rel: Extract<Rel, { k: 'join' }>, conds: readonly Expr[], isShared: IsShared): Sunk {
  const toLeft: Expr[] = [];
  const toRight: Expr[] = [];
  const rest: Expr[] = [];
  for (const cond of conds) {
    const expr = substitute(cond, rel.columns);
    const side = sideOf(expr);
    if (side === 'left' && rel.joinType !== 'full') toLeft.push(onSide(expr, rel.left));
    else if (side === 'right' && rel.joinType === 'inner') toRight.push(onSide(expr, rel.right));
    else rest.push(cond);
  }
  if (toLeft.length === 0 && toRight.length === 0) return { rel, rest };
  return { rel: { ...rel, left: sinkOrFilter(rel.left, toLeft, isShared), right: sinkOrFilter(rel.right, toRight, isShared) }, rest };
}

function sinkWhereNode(rel: Extract<Rel, { k: 'project' | 'unnest' }>, conds: readonly Expr[]): Sunk {
  const exprs = rel.columns;
  // Each output column is already computed once in the SELECT list: count that use too.
  const selected = rel.schema.map((f): Expr => ({ k: 'col', name: f.name, type: f.type }));
  const taken: Expr[] = [];
  const rest: Expr[] = [];
  for (const cond of conds) (canInline(exprs, [cond, ...selected]) ? taken : rest).push(cond);
  if (taken.length === 0) return { rel, rest };
  const where = andMaybe(rel.where, and(taken.map((c) => substitute(c, exprs))));
  return { rel: { ...rel, ...(where ? { where } : {}) }, rest };
}

/** Sinks conjuncts (over `rel`'s output columns) into `rel`. */
function sink(rel: Rel, conds: readonly Expr[], isShared: IsShared): Sunk {
  if (isShared(rel)) return { rel, rest: conds };
  switch (rel.k) {
    case 'join':
      return sinkJoin(rel, conds, isShared);
    case 'union':
      return { rel: { ...rel, inputs: rel.inputs.map((input) => sinkOrFilter(input, conds.map((c) => retype(c, input)), isShared)) }, rest: [] };
    case 'distinct':
      return { rel: { ...rel, input: sinkOrFilter(rel.input, conds, isShared) }, rest: [] };
    case 'aggregate': {
      const keyNames = new Set(rel.keys.map((k) => k.name));
      const onKeys = conds.filter((c) => [...columnsOf(c)].every((name) => keyNames.has(name)) && columnsOf(c).size > 0);
      if (onKeys.length === 0) return { rel, rest: conds };
      const where = andMaybe(rel.where, and(onKeys.map((c) => substitute(c, rel.keys))));
      return { rel: sinkOwnWhere({ ...rel, ...(where ? { where } : {}) }, isShared), rest: conds.filter((c) => !onKeys.includes(c)) };
    }
    case 'window': {
      const partitionCols = new Set(rel.partition.filter((e) => e.k === 'col' && e.rel === undefined).map((e) => (e as { name: string }).name));
      const windowNames = new Set(rel.columns.map((c) => c.name));
      const movable = conds.filter((c) => columnsOf(c).size > 0 && [...columnsOf(c)].every((n) => partitionCols.has(n) && !windowNames.has(n)));
      if (movable.length === 0) return { rel, rest: conds };
      const where = andMaybe(rel.where, and(movable));
      return { rel: sinkOwnWhere({ ...rel, ...(where ? { where } : {}) }, isShared), rest: conds.filter((c) => !movable.includes(c)) };
    }
    case 'project':
    case 'unnest': {
      const sunk = sinkWhereNode(rel, conds);
      return { rel: sinkOwnWhere(sunk.rel, isShared), rest: sunk.rest };
    }
    case 'scan':
    case 'components':
      return { rel, rest: conds };
  }
}

/** A branch of a union may type a column differently (nullability): re-type references. */
function retype(cond: Expr, input: Rel): Expr {
  return mapExpr(cond, (x) => (x.k === 'col' && x.rel === undefined ? { ...x, type: fieldNamed(input.schema, x.name)?.type ?? x.type } : undefined));
}

/**
 * Pushes the node's own WHERE into its input as far as possible. A WHERE is over the input's
 * columns, except an unnest's, which may also read the element: those conjuncts stay.
 */
function sinkOwnWhere(rel: Rel, isShared: IsShared): Rel {
  if (rel.k !== 'project' && rel.k !== 'aggregate' && rel.k !== 'window' && rel.k !== 'unnest') return rel;
  const conds = conjunctsOf(rel.where);
  const movable = conds.filter((c) => !readsElement(c));
  if (movable.length === 0) return rel;
  const sunk = sink(rel.input, movable, isShared);
  if (sunk.rel === rel.input && sunk.rest.length === movable.length) return rel;
  const where = and([...conds.filter((c) => readsElement(c)), ...sunk.rest]);
  const { where: _drop, ...rest } = rel;
  return { ...rest, input: sunk.rel, ...(where ? { where } : {}) } as Rel;
}

/** Runs predicate pushdown over a whole tree (see the module comment). */
export function pushdown(root: Rel): Rel {
  const counts = parentCounts(root);
  const shared = new Set<Rel>();
  const isShared = (r: Rel) => shared.has(r);
  return rewriteBottomUp(root, (rel, original) => {
    const result = sinkOwnWhere(rel, isShared);
    if ((counts.get(original) ?? 0) > 1) shared.add(result);
    return result;
  });
}
