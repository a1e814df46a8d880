/** Constructors for Expr nodes that stamp the source position and fold literal arithmetic. */
import type { Node } from 'ts-morph';
import type { SqlType } from '../../sdk/schema.js';
import { ty, type Expr, type LiteralValue, type OpName } from '../ir/expr.js';
import { siteOf } from './errors.js';

/** A literal; numbers are INT64 when they are safe integers, FLOAT64 otherwise. */
export function lit(value: LiteralValue, type?: SqlType): Expr {
  if (type) return { k: 'lit', value, type };
  if (typeof value === 'string') return { k: 'lit', value, type: ty.string() };
  if (typeof value === 'boolean') return { k: 'lit', value, type: ty.bool() };
  if (typeof value === 'number') return { k: 'lit', value, type: Number.isSafeInteger(value) ? ty.int64() : ty.float64() };
  return { k: 'lit', value: null, type: ty.string(true) };
}

/** An operation, positioned at the source node that produced it. */
export function op(name: OpName, args: readonly Expr[], type: SqlType, node: Node): Expr {
  return folded(name, args, type) ?? { k: 'op', op: name, args, type, site: siteOf(node) };
}

/** `CASE WHEN when THEN then ELSE otherwise END`. */
export function caseWhen(when: Expr, then: Expr, otherwise: Expr, type: SqlType): Expr {
  if (when.k === 'lit' && when.value === true) return then;
  return { k: 'case', whens: [{ when, then }], else: otherwise, type };
}

export const isLit = (e: Expr): e is Extract<Expr, { k: 'lit' }> => e.k === 'lit';

/** The literal value of an expression if it is one (after folding). */
export function literalOf(e: Expr): LiteralValue | undefined {
  return e.k === 'lit' ? e.value : undefined;
}

/**
 * Evaluates operations on non-null literals at compile time, with JavaScript itself, so the
 * folded value is the JS value by construction. Only ops whose JS meaning is exactly the
 * op's meaning are folded.
 */
function folded(name: OpName, args: readonly Expr[], type: SqlType): Expr | undefined {
  if (!args.every((a) => a.k === 'lit' && a.value !== null)) return undefined;
  const v = args.map((a) => (a as Extract<Expr, { k: 'lit' }>).value) as (string | number | boolean)[];
  const num = (i: number) => v[i] as number;
  let out: LiteralValue | undefined;
  switch (name) {
    case 'add':
      out = num(0) + num(1);
      break;
    case 'sub':
      out = num(0) - num(1);
      break;
    case 'mul':
      out = num(0) * num(1);
      break;
    case 'neg':
      out = -num(0);
      break;
    case 'not':
      out = !v[0];
      break;
    case 'concat':
      out = v.every((x) => typeof x === 'string') ? v.join('') : undefined;
      break;
    default:
      return undefined;
  }
  if (out === undefined) return undefined;
  if (typeof out === 'number' && (!Number.isFinite(out) || Object.is(out, -0) || (type.kind === 'INT64' && !Number.isSafeInteger(out)))) return undefined;
  return { k: 'lit', value: out, type };
}
