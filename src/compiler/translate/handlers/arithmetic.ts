/** Arithmetic operators: `+` (numbers or string concatenation), `-`, `*`, `/`, `%`, `**`, unary minus. */
import type { BinaryExpression, Node, PrefixUnaryExpression } from 'ts-morph';
import { ty, type Expr } from '../../ir/expr.js';
import { op } from '../build.js';
import { isStringType } from '../checker.js';
import type { Cx } from '../context.js';
import { fail } from '../errors.js';
import { isNullLit, jsKind, numericKind } from '../types.js';
import { jsString } from './convert.js';

/** A numeric operand; NULL is refused because JavaScript would coerce it to 0. */
export function numberOperand(node: Node, cx: Cx, what: string): Expr {
  const e = cx.expr(node);
  if (jsKind(e.type) !== 'number') {
    const hint = e.type.kind === 'TIMESTAMP' ? 'use the time helpers: time.addSeconds(ts, n), time.diffSeconds(a, b)' : 'convert with Number(x) first';
    fail(node, `${what} needs numbers, got ${e.type.kind}`, hint);
  }
  if (e.type.nullable) {
    fail(node, `${what} on a possibly-null value: JavaScript treats null as 0, SQL as NULL`, 'give a default first: (x ?? 0)');
  }
  return e;
}

function numeric(node: BinaryExpression, cx: Cx, what: string): [Expr, Expr] {
  return [numberOperand(node.getLeft(), cx, what), numberOperand(node.getRight(), cx, what)];
}

/**
 * `a + b`: concatenation when either side is a string, else addition. The SQL types decide;
 * only an untyped `null` literal leaves the checker to say whether the other side is a string.
 */
export function plus(node: BinaryExpression, cx: Cx): Expr {
  const [l, r] = [node.getLeft(), node.getRight()];
  const le = cx.expr(l);
  const re = cx.expr(r);
  const untyped = isNullLit(le) || isNullLit(re);
  const stringy = (n: Node, e: Expr) => jsKind(e.type) === 'string' || (untyped && isStringType(cx.typeOf(n)));
  if (stringy(l, le) || stringy(r, re)) {
    return op('concat', [jsString(le, l, cx), jsString(re, r, cx)], ty.string(), node);
  }
  const [a, b] = numeric(node, cx, "'+'");
  return op('add', [a, b], { kind: numericKind(a.type, b.type), nullable: false }, node);
}

export function minus(node: BinaryExpression, cx: Cx): Expr {
  const [a, b] = numeric(node, cx, "'-'");
  return op('sub', [a, b], { kind: numericKind(a.type, b.type), nullable: false }, node);
}

export function times(node: BinaryExpression, cx: Cx): Expr {
  const [a, b] = numeric(node, cx, "'*'");
  return op('mul', [a, b], { kind: numericKind(a.type, b.type), nullable: false }, node);
}

/** `/` is IEEE division, always FLOAT64 (1/0 is Infinity, never an error). */
export function divide(node: BinaryExpression, cx: Cx): Expr {
  const [a, b] = numeric(node, cx, "'/'");
  return op('div', [a, b], ty.float64(), node);
}

/**
 * `%` keeps the dividend's sign. INT64 only when the divisor is a non-zero literal: `x % 0`
 * is NaN in JavaScript, which INT64 cannot hold.
 */
export function remainder(node: BinaryExpression, cx: Cx): Expr {
  const [a, b] = numeric(node, cx, "'%'");
  const exact = a.type.kind === 'INT64' && b.type.kind === 'INT64' && b.k === 'lit' && b.value !== 0;
  return op('mod', [a, b], exact ? ty.int64() : ty.float64(), node);
}

export function power(node: BinaryExpression, cx: Cx): Expr {
  const [a, b] = numeric(node, cx, "'**'");
  return op('pow', [a, b], ty.float64(), node);
}

export function negate(node: PrefixUnaryExpression, cx: Cx): Expr {
  const a = numberOperand(node.getOperand(), cx, "unary '-'");
  return op('neg', [a], a.type, node);
}
