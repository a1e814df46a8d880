/** Comparisons: `< <= > >=`, `=== !==` (null-safe where needed), `== null` / `!= null`. */
import { Node, type BinaryExpression } from 'ts-morph';
import { ty, type Expr, type OpName } from '../../ir/expr.js';
import { lit, op } from '../build.js';
import type { Cx } from '../context.js';
import { fail } from '../errors.js';
import { isNullLit, jsKind } from '../types.js';

const DATE_TEXT = /^\d{4}-\d{2}-\d{2}$/;

/** A DATE compares with a string: a literal becomes a DATE literal, anything else compares as text. */
function alignDates(a: Expr, b: Expr, node: Node): [Expr, Expr] {
  const align = (x: Expr, other: Expr): Expr => {
    if (x.type.kind !== 'STRING' || other.type.kind !== 'DATE') return x;
    if (x.k === 'lit' && typeof x.value === 'string') {
      if (!DATE_TEXT.test(x.value) || Number.isNaN(Date.parse(x.value))) fail(node, `'${x.value}' is not a date in YYYY-MM-DD form`);
      return { ...x, type: ty.date() };
    }
    return x;
  };
  let [l, r] = [align(a, b), align(b, a)];
  const text = (x: Expr) => (x.type.kind === 'DATE' ? op('to_string', [x], ty.string(x.type.nullable), node) : x);
  if (l.type.kind !== r.type.kind && (l.type.kind === 'DATE' || r.type.kind === 'DATE')) [l, r] = [text(l), text(r)];
  return [l, r];
}

function comparable(a: Expr, b: Expr, node: Node, what: string): void {
  const [ka, kb] = [jsKind(a.type), jsKind(b.type)];
  if (ka !== kb) fail(node, `${what} between ${a.type.kind} and ${b.type.kind}`, 'JavaScript would coerce one side; convert explicitly so both sides have the same type');
  if (ka === 'array' || ka === 'object' || ka === 'json') fail(node, `${what} of ${a.type.kind} values is not supported`, 'compare their fields');
}

/** `<`, `<=`, `>`, `>=`. */
export function ordered(opName: OpName) {
  return (node: BinaryExpression, cx: Cx): Expr => {
    const [l, r] = alignDates(cx.expr(node.getLeft()), cx.expr(node.getRight()), node);
    comparable(l, r, node, `'${node.getOperatorToken().getText()}'`);
    for (const [e, n] of [[l, node.getLeft()], [r, node.getRight()]] as const) {
      if (e.type.nullable) {
        fail(n, 'comparison with a possibly-null value: JavaScript compares null as 0, SQL yields NULL', 'check for null first: x !== null && x > y, or give a default with ??');
      }
    }
    return op(opName, [l, r], ty.bool(), node);
  };
}

const isNullish = (n: Node) => Node.isNullLiteral(n) || (Node.isIdentifier(n) && n.getText() === 'undefined');

/** `x === null` / `x === undefined`: IS NULL, when the other of null / undefined cannot occur. */
function nullCheck(node: BinaryExpression, value: Node, nullish: Node, cx: Cx, negate: boolean, loose: boolean): Expr {
  const e = cx.expr(value);
  if (!loose && e.type.nullable) {
    const n = cx.nullishness(value);
    const other = Node.isNullLiteral(nullish) ? n.undefined : n.null;
    if (other) {
      const [is, not] = Node.isNullLiteral(nullish) ? ['null', 'undefined'] : ['undefined', 'null'];
      fail(node, `this value may be ${not} as well as ${is}; SQL has only NULL`, `use 'x == null' (true for both) instead of '=== ${is}'`);
    }
  }
  if (!e.type.nullable) return lit(negate);
  return op(negate ? 'is_not_null' : 'is_null', [e], ty.bool(), node);
}

/** `===` / `!==`: plain equality on non-null operands, IS [NOT] DISTINCT FROM otherwise. */
export function strictEquality(negate: boolean) {
  return (node: BinaryExpression, cx: Cx): Expr => {
    const [ln, rn] = [node.getLeft(), node.getRight()];
    if (isNullish(rn)) return nullCheck(node, ln, rn, cx, negate, false);
    if (isNullish(ln)) return nullCheck(node, rn, ln, cx, negate, false);
    const [l, r] = alignDates(cx.expr(ln), cx.expr(rn), node);
    if (isNullLit(l) || isNullLit(r)) return nullCheck(node, isNullLit(l) ? rn : ln, isNullLit(l) ? ln : rn, cx, negate, false);
    comparable(l, r, node, `'${node.getOperatorToken().getText()}'`);
    if (l.type.kind === 'TIMESTAMP') {
      fail(node, '=== on Date objects compares identity in JavaScript, never the instant', 'compare a.getTime() === b.getTime()');
    }
    if (!l.type.nullable && !r.type.nullable) return op(negate ? 'neq' : 'eq', [l, r], ty.bool(), node);
    // null and undefined are distinct under ===, but both are NULL in SQL.
    const [lt, rt] = l.type.nullable && r.type.nullable ? [cx.nullishness(ln), cx.nullishness(rn)] : [undefined, undefined];
    if (lt && rt && ((lt.undefined && rt.null && !lt.null) || (lt.null && rt.undefined && !rt.null))) {
      fail(node, 'one side may be undefined and the other null: they differ under === but are both NULL in SQL', 'give both sides a default with ??');
    }
    return op(negate ? 'is_distinct' : 'not_distinct', [l, r], ty.bool(), node);
  };
}

/** `==` / `!=`: only against null / undefined (both mean SQL NULL). */
export function looseEquality(negate: boolean) {
  return (node: BinaryExpression, cx: Cx): Expr => {
    const [ln, rn] = [node.getLeft(), node.getRight()];
    if (isNullish(rn)) return nullCheck(node, ln, rn, cx, negate, true);
    if (isNullish(ln)) return nullCheck(node, rn, ln, cx, negate, true);
    return fail(node.getOperatorToken(), `'${node.getOperatorToken().getText()}' coerces types in JavaScript`, `use '${negate ? '!==' : '==='}' (loose equality is only supported against null)`);
  };
}
