/** SQL type arithmetic for translated expressions: numeric widening, unification, JS views. */
import type { Node } from 'ts-morph';
import { typeToString, type SqlType } from '../../sdk/schema.js';
import { withNullable, type Expr } from '../ir/expr.js';
import { fail } from './errors.js';

/** How JavaScript sees a value of a SQL type (DATE is an ISO string in JS). */
export type JsKind = 'string' | 'number' | 'boolean' | 'date' | 'array' | 'object' | 'json';

export function jsKind(type: SqlType): JsKind {
  switch (type.kind) {
    case 'STRING':
    case 'DATE':
      return 'string';
    case 'INT64':
    case 'FLOAT64':
    case 'NUMERIC':
      return 'number';
    case 'BOOL':
      return 'boolean';
    case 'TIMESTAMP':
      return 'date';
    case 'ARRAY':
      return 'array';
    case 'STRUCT':
      return 'object';
    default:
      return 'json';
  }
}

export const isNumeric = (t: SqlType): boolean => jsKind(t) === 'number';

/** The wider numeric kind of two operands: FLOAT64 beats NUMERIC beats INT64. */
export function numericKind(a: SqlType, b: SqlType): SqlType['kind'] {
  if (a.kind === 'FLOAT64' || b.kind === 'FLOAT64') return 'FLOAT64';
  if (a.kind === 'NUMERIC' || b.kind === 'NUMERIC') return 'NUMERIC';
  return 'INT64';
}

export const anyNullable = (exprs: readonly Expr[]): boolean => exprs.some((e) => e.type.nullable);

/** A bare `null` literal: it takes the type of whatever it is combined with. */
export const isNullLit = (e: Expr): boolean => e.k === 'lit' && e.value === null;

/** The null literal, typed as a nullable STRING until unified with something else. */
export const nullLit = (type: SqlType = { kind: 'STRING', nullable: true }): Expr => ({ k: 'lit', value: null, type: withNullable(type, true) });

function sameShape(a: SqlType, b: SqlType): boolean {
  return typeToString(a) === typeToString(b);
}

/**
 * The common type of values that meet in one column (branches of `?:`, operands of `??`,
 * elements of an array): INT64 widens to FLOAT64 / NUMERIC, `null` literals adopt the type.
 * Returns the values retyped to it. Fails at `node` on incompatible types.
 */
export function unify(exprs: readonly Expr[], node: Node, what: string): { type: SqlType; exprs: Expr[] } {
  const typed = exprs.filter((e) => !isNullLit(e));
  if (typed.length === 0) return { type: exprs[0]!.type, exprs: [...exprs] };
  let base = typed[0]!.type;
  for (const e of typed.slice(1)) {
    if (isNumeric(base) && isNumeric(e.type)) base = { kind: numericKind(base, e.type), nullable: false };
    else if (!sameShape(base, e.type)) {
      fail(node, `${what} mix ${typeToString(base)} and ${typeToString(e.type)}`, 'make both sides the same type (SQL columns have one type)');
    }
  }
  const nullable = anyNullable(exprs);
  const type = withNullable(base, nullable);
  return { type, exprs: exprs.map((e) => (isNullLit(e) ? nullLit(base) : e)) };
}
