/**
 * Substituting a lower SELECT's expressions into the one above it, and when that is worth it.
 *
 * Inlining rule (fuse and pushdown both use it): an expression of the lower node may be
 * copied into the upper node when it is trivial (a column, a literal, a field of a column),
 * or the upper node uses it at most once, or it is short (at most SMALL_EXPR nodes) and uses
 * no expensive operation (regexes, hashing, splitting). Copying a short expression costs
 * less than a sub-query boundary in both engines (bytes scanned do not change); expensive or
 * large expressions used twice stay computed once in their own SELECT.
 */
import { mapExpr, walkExpr, type Expr, type NamedExpr, type OpName } from '../../ir/expr.js';

const SMALL_EXPR = 8;
const EXPENSIVE: ReadonlySet<OpName> = new Set(['regexp_replace', 'regexp_contains', 'split', 'hash_hex']);

export function isTrivial(e: Expr): boolean {
  if (e.k === 'col' || e.k === 'lit') return true;
  return e.k === 'field' && isTrivial(e.of);
}

function size(e: Expr): number {
  let n = 0;
  walkExpr(e, () => n++);
  return n;
}

function isExpensive(e: Expr): boolean {
  let found = false;
  walkExpr(e, (x) => {
    if (x.k === 'op' && EXPENSIVE.has(x.op)) found = true;
  });
  return found;
}

/** How often each unqualified column is read by the given expressions. */
export function columnUses(exprs: readonly (Expr | undefined)[]): Map<string, number> {
  const uses = new Map<string, number>();
  for (const e of exprs) {
    if (!e) continue;
    walkExpr(e, (x) => {
      if (x.k === 'col' && x.rel === undefined) uses.set(x.name, (uses.get(x.name) ?? 0) + 1);
    });
  }
  return uses;
}

/** Whether every lower column the upper expressions read may be inlined (see the rule above). */
export function canInline(lower: readonly NamedExpr[], upperExprs: readonly (Expr | undefined)[]): boolean {
  const uses = columnUses(upperExprs);
  return lower.every((c) => {
    const n = uses.get(c.name) ?? 0;
    return n <= 1 || isTrivial(c.expr) || (size(c.expr) <= SMALL_EXPR && !isExpensive(c.expr));
  });
}

/** Replaces unqualified column references by the lower node's expressions. */
export function substitute(e: Expr, lower: readonly NamedExpr[]): Expr {
  const byName = new Map(lower.map((c) => [c.name, c.expr]));
  return mapExpr(e, (x) => (x.k === 'col' && x.rel === undefined ? byName.get(x.name) : undefined));
}

export function substituteMaybe(e: Expr | undefined, lower: readonly NamedExpr[]): Expr | undefined {
  return e && substitute(e, lower);
}
