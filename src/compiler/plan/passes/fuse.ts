/**
 * Fuse: merges consecutive SELECT steps into one, so a map/filter chain becomes one SELECT.
 *
 * Rules, applied bottom-up to a node over an input that no other node reads (shared inputs
 * are kept: they compute once and may become CTEs):
 * - a project that re-selects its input unchanged (same names, same order, no WHERE) is
 *   dropped;
 * - project over project: the upper's expressions are rewritten over the lower's input by
 *   substituting the lower's expressions; WHERE = lower WHERE AND substituted upper WHERE;
 * - aggregate / unnest over project: the project is absorbed into their expressions and
 *   WHERE the same way;
 * - window over a project that only passes columns through (a filter): its WHERE becomes
 *   the window's WHERE (windows see the filtered rows, as before);
 * - a pass-through project with a WHERE over a window becomes the window's QUALIFY.
 * Substitution follows the inlining rule of ./inline.ts; a merge that would copy an
 * expensive expression is skipped. The merged node keeps the upper node's origin and schema.
 */
import type { Rel } from '../../ir/rel.js';
import { andMaybe, isIdentity, isPassThrough } from '../util/exprs.js';
import { parentCounts, rewriteBottomUp } from './dag.js';
import { canInline, substitute, substituteMaybe } from './inline.js';

type Project = Extract<Rel, { k: 'project' }>;

function overProject(rel: Rel, lower: Project): Rel | undefined {
  const sub = lower.columns;
  switch (rel.k) {
    case 'project': {
      if (!canInline(sub, [...rel.columns.map((c) => c.expr), rel.where])) return undefined;
      const where = andMaybe(lower.where, substituteMaybe(rel.where, sub));
      const columns = rel.columns.map((c) => ({ name: c.name, expr: substitute(c.expr, sub) }));
      const { where: _drop, ...rest } = rel;
      return { ...rest, input: lower.input, columns, ...(where ? { where } : {}) };
    }
    case 'aggregate': {
      const exprs = [...rel.keys.map((k) => k.expr), ...rel.aggs.flatMap((a) => [a.arg, ...(a.order ?? []).map((o) => o.expr)]), rel.where];
      if (!canInline(sub, exprs)) return undefined;
      const where = andMaybe(lower.where, substituteMaybe(rel.where, sub));
      const { where: _drop, ...rest } = rel;
      return {
        ...rest,
        input: lower.input,
        keys: rel.keys.map((k) => ({ name: k.name, expr: substitute(k.expr, sub) })),
        aggs: rel.aggs.map((a) => ({
          ...a,
          ...(a.arg ? { arg: substitute(a.arg, sub) } : {}),
          ...(a.order ? { order: a.order.map((o) => ({ expr: substitute(o.expr, sub), desc: o.desc })) } : {}),
        })),
        ...(where ? { where } : {}),
      };
    }
    case 'unnest': {
      if (!canInline(sub, [rel.array, ...rel.columns.map((c) => c.expr), rel.where])) return undefined;
      const where = andMaybe(lower.where, substituteMaybe(rel.where, sub));
      const { where: _drop, ...rest } = rel;
      return {
        ...rest,
        input: lower.input,
        array: substitute(rel.array, sub),
        columns: rel.columns.map((c) => ({ name: c.name, expr: substitute(c.expr, sub) })),
        ...(where ? { where } : {}),
      };
    }
    case 'window': {
      if (!isPassThrough(sub)) return undefined;
      const where = andMaybe(lower.where, rel.where);
      return { ...rel, input: lower.input, ...(where ? { where } : {}) };
    }
    default:
      return undefined;
  }
}

function filterOverWindow(rel: Project, lower: Extract<Rel, { k: 'window' }>): Rel | undefined {
  if (!rel.where || !isPassThrough(rel.columns)) return undefined;
  const qualify = andMaybe(lower.qualify, rel.where);
  return { ...lower, schema: rel.schema, origin: rel.origin, ...(qualify ? { qualify } : {}) };
}

function fuseNode(rel: Rel, isShared: (r: Rel) => boolean): Rel {
  if (rel.k === 'scan' || rel.k === 'join' || rel.k === 'union') return rel;
  const input = rel.input;
  // Dropping a no-op SELECT is safe even over a shared input: the parent reads it directly.
  if (rel.k === 'project' && !rel.where && isIdentity(rel.columns, input.schema)) return input;
  if (isShared(input)) return rel;
  if (input.k === 'project') return overProject(rel, input) ?? rel;
  if (rel.k === 'project' && input.k === 'window') return filterOverWindow(rel, input) ?? rel;
  return rel;
}

/** Runs the fuse rules over a whole tree (see the module comment). */
export function fuse(root: Rel): Rel {
  const counts = parentCounts(root);
  // Rewritten nodes standing for shared originals: never merged into one of their parents.
  const shared = new Set<Rel>();
  const isShared = (r: Rel) => shared.has(r);
  return rewriteBottomUp(root, (rel, original) => {
    let current = fuseNode(rel, isShared);
    // A merge exposes the next input below; keep merging while rules apply.
    while (current !== rel) {
      rel = current;
      current = fuseNode(rel, isShared);
    }
    if ((counts.get(original) ?? 0) > 1) shared.add(current);
    return current;
  });
}
