/** Boolean logic and null handling: `&& || !`, `?:`, `??`, `x!`, `?.`. */
import { Node, type BinaryExpression, type PrefixUnaryExpression } from 'ts-morph';
import { ty, withNullable, type Expr } from '../../ir/expr.js';
import { caseWhen, lit, op } from '../build.js';
import type { Cx } from '../context.js';
import { fail, snippet } from '../errors.js';
import { nonNullWhen } from '../narrowing.js';
import { nullLit, unify } from '../types.js';

/** A boolean operand of && / || / !: non-booleans are refused (JS would return the operand itself). */
export function booleanOperand(node: Node, cx: Cx, what: string): Expr {
  const e = cx.expr(node);
  // A BOOL value is a JavaScript boolean (or null): the SQL type decides, no checker needed.
  if (e.type.kind !== 'BOOL') {
    fail(node, `${what} needs a boolean operand, got '${snippet(node)}' (${e.type.kind})`, "JavaScript's && / || return a non-boolean operand itself: use ?? for defaults, ?: for choices, or compare explicitly (x !== null)");
  }
  return e;
}

/**
 * `a && b`: SQL AND equals JS when `a` is never null; with a nullable `a`, JS yields null
 * whenever `a` is null (even if `b` is false), so the case is spelled out.
 */
export function and(node: BinaryExpression, cx: Cx): Expr {
  const a = booleanOperand(node.getLeft(), cx, "'&&'");
  const b = cx.assuming(nonNullWhen(node.getLeft(), true), () => booleanOperand(node.getRight(), cx, "'&&'"));
  const type = ty.bool(a.type.nullable || b.type.nullable);
  const both = op('and', [a, b], type, node);
  return a.type.nullable ? caseWhen(op('is_null', [a], ty.bool(), node), nullLit(ty.bool()), both, type) : both;
}

/** `a || b`: JS yields `b` when `a` is null (SQL NULL OR FALSE would be NULL). */
export function or(node: BinaryExpression, cx: Cx): Expr {
  const a = booleanOperand(node.getLeft(), cx, "'||'");
  const b = cx.assuming(nonNullWhen(node.getLeft(), false), () => booleanOperand(node.getRight(), cx, "'||'"));
  const type = ty.bool(b.type.nullable);
  const either = op('or', [a, b], ty.bool(a.type.nullable || b.type.nullable), node);
  return a.type.nullable ? caseWhen(op('is_null', [a], ty.bool(), node), b, either, type) : either;
}

/** `!a`: JS `!null` is true, so a nullable operand is coalesced to false first. */
export function not(node: PrefixUnaryExpression, cx: Cx): Expr {
  const a = booleanOperand(node.getOperand(), cx, "'!'");
  const operand = a.type.nullable ? op('coalesce', [a, lit(false)], ty.bool(), node) : a;
  return op('not', [operand], ty.bool(), node);
}

/** `a ?? b`: COALESCE; non-null when either side is. */
export function nullish(node: BinaryExpression, cx: Cx): Expr {
  const a = cx.expr(node.getLeft());
  const b = cx.expr(node.getRight());
  if (!a.type.nullable) return a;
  const u = unify([a, b], node, "'??' operands");
  return op('coalesce', u.exprs, withNullable(u.type, b.type.nullable), node);
}

/** `c ? a : b`: CASE; a NULL condition takes the else branch, as a falsy value does in JS. */
export function conditional(node: Node, cx: Cx): Expr {
  if (!Node.isConditionalExpression(node)) return fail(node, 'expected ?:');
  const condition = node.getCondition();
  const when = cx.bool(condition);
  const whenTrue = cx.assuming(nonNullWhen(condition, true), () => cx.expr(node.getWhenTrue()));
  const whenFalse = cx.assuming(nonNullWhen(condition, false), () => cx.expr(node.getWhenFalse()));
  const u = unify([whenTrue, whenFalse], node, 'the branches of ?:');
  return caseWhen(when, u.exprs[0]!, u.exprs[1]!, u.type);
}

/** `x!`: asserts non-null; the type becomes non-null (a NULL that occurs anyway stays NULL). */
export function nonNull(node: Node, cx: Cx): Expr {
  if (!Node.isNonNullExpression(node)) return fail(node, 'expected x!');
  const e = cx.expr(node.getExpression());
  return { ...e, type: withNullable(e.type, false) } as Expr;
}
