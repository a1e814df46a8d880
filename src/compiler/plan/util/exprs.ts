/**
 * Small constructors for the expression IR, so planner code reads like the SQL it builds.
 */
import type { CallSite } from '../../../sdk/callsite.js';
import type { SqlField, SqlType } from '../../../sdk/schema.js';
import { ty, type Expr, type LiteralValue, type NamedExpr, type OpName } from '../../ir/expr.js';

/** A column reference, optionally to a join side (`rel` = 'left' / 'right'). */
export function col(name: string, type: SqlType, rel?: string): Expr {
  return rel === undefined ? { k: 'col', name, type } : { k: 'col', name, rel, type };
}

/** A column reference to a field of an input schema. */
export function fieldRef(field: SqlField, rel?: string): Expr {
  return col(field.name, field.type, rel);
}

export function lit(value: LiteralValue, type: SqlType): Expr {
  return { k: 'lit', value, type };
}

export function op(name: OpName, args: readonly Expr[], type: SqlType, site?: CallSite): Expr {
  return site ? { k: 'op', op: name, args, type, site } : { k: 'op', op: name, args, type };
}

/** Boolean result type: nullable when any operand is. */
function boolOf(args: readonly Expr[]): SqlType {
  return ty.bool(args.some((a) => a.type.nullable));
}

/** `a AND b AND ...`; a single conjunct is returned as is, none gives undefined. */
export function and(conjuncts: readonly Expr[]): Expr | undefined {
  if (conjuncts.length === 0) return undefined;
  if (conjuncts.length === 1) return conjuncts[0];
  return op('and', conjuncts, boolOf(conjuncts));
}

export function or(disjuncts: readonly Expr[]): Expr {
  return disjuncts.length === 1 ? disjuncts[0]! : op('or', disjuncts, boolOf(disjuncts));
}

export function not(e: Expr): Expr {
  return op('not', [e], ty.bool(e.type.nullable));
}

export function isNull(e: Expr): Expr {
  return op('is_null', [e], ty.bool());
}

export function isNotNull(e: Expr): Expr {
  return op('is_not_null', [e], ty.bool());
}

export function eq(a: Expr, b: Expr): Expr {
  return op('eq', [a, b], boolOf([a, b]));
}

export function gt(a: Expr, b: Expr): Expr {
  return op('gt', [a, b], boolOf([a, b]));
}

export function lt(a: Expr, b: Expr): Expr {
  return op('lt', [a, b], boolOf([a, b]));
}

/** Flattens nested ANDs into their conjuncts (an absent condition has none). */
export function conjunctsOf(e: Expr | undefined): Expr[] {
  if (!e) return [];
  if (e.k === 'op' && e.op === 'and') return e.args.flatMap((a) => conjunctsOf(a));
  return [e];
}

/** `a AND b` where either may be absent. */
export function andMaybe(a: Expr | undefined, b: Expr | undefined): Expr | undefined {
  return and([...conjunctsOf(a), ...conjunctsOf(b)]);
}

/** One pass-through column per field: `SELECT a, b, c`. */
export function identityColumns(fields: readonly SqlField[]): NamedExpr[] {
  return fields.map((f) => ({ name: f.name, expr: fieldRef(f) }));
}

/** True when `columns` just re-select `fields` by name, in order (a no-op SELECT list). */
export function isIdentity(columns: readonly NamedExpr[], fields: readonly SqlField[]): boolean {
  return (
    columns.length === fields.length &&
    columns.every((c, i) => c.expr.k === 'col' && c.expr.rel === undefined && c.expr.name === c.name && c.name === fields[i]!.name)
  );
}

/** True when every column is a bare reference to an input column of the same name. */
export function isPassThrough(columns: readonly NamedExpr[]): boolean {
  return columns.every((c) => c.expr.k === 'col' && c.expr.rel === undefined && c.expr.name === c.name);
}
