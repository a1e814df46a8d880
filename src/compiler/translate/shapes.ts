/**
 * The overall forms of lambdas: what each Translator method expects a lambda to return
 * (one value, an object of columns, keys, an ordering, a flatMap array).
 */
import { Node } from 'ts-morph';
import { ty, type Expr, type NamedExpr, type OrderItem } from '../ir/expr.js';
import type { RowParam } from './api.js';
import { Translation, type Shared } from './dispatcher.js';
import { fail, snippet } from './errors.js';
import { spreadFields, structType } from './handlers/structures.js';
import type { FunctionLike } from './locate.js';
import { bindName, bindParams } from './params.js';
import { Scope } from './scope.js';
import { unify } from './types.js';
import { isExpr, type RowVal, type Val } from './values.js';

/** A Translation with the lambda's parameters bound to the given rows. */
function start(fn: FunctionLike, params: readonly RowParam[], shared: Shared): Translation {
  const cx = new Translation(shared);
  if (fn.getParameters().length > params.length) {
    fail(fn.getParameters()[params.length]!, `this lambda takes ${fn.getParameters().length} parameters, but receives ${params.length}`);
  }
  const rows: RowVal[] = params.map((p) => ({ k: 'row', fields: p.fields, ...(p.rel !== undefined ? { rel: p.rel } : {}) }));
  bindParams(fn, rows.slice(0, fn.getParameters().length), cx.scope, cx, fn);
  return cx;
}

/** The expression a lambda returns, syntactically: its expression body or a lone `return x`. */
function resultNode(fn: FunctionLike): Node | undefined {
  let body: Node | undefined = fn.getBody();
  if (body && Node.isBlock(body)) {
    const stmts = body.getStatements();
    body = stmts.length === 1 && Node.isReturnStatement(stmts[0]!) ? stmts[0].getExpression() : undefined;
  }
  while (body && (Node.isParenthesizedExpression(body) || Node.isAsExpression(body) || Node.isSatisfiesExpression(body))) body = body.getExpression();
  return body;
}

/** Named columns of an object-like value: an object literal, a row, or a non-null STRUCT. */
function columnsOf(val: Val, node: Node): NamedExpr[] | undefined {
  if (val.k === 'row' || val.k === 'struct') return spreadFields(val, node);
  if (isExpr(val) && val.type.kind === 'STRUCT') return spreadFields(val, node);
  return undefined;
}

export function scalar(fn: FunctionLike, params: readonly RowParam[], shared: Shared): Expr {
  const cx = start(fn, params, shared);
  const v = cx.body(fn);
  if (isExpr(v)) return v;
  return cx.expr(resultNode(fn) ?? fn);
}

export function row(fn: FunctionLike, params: readonly RowParam[], shared: Shared): NamedExpr[] {
  const cx = start(fn, params, shared);
  const v = cx.body(fn);
  const cols = columnsOf(v, resultNode(fn) ?? fn);
  if (!cols) fail(resultNode(fn) ?? fn, `this lambda must return an object literal of columns, got '${snippet(resultNode(fn) ?? fn)}'`, 'return ({ name: value, ... })');
  return cols;
}

export function key(fn: FunctionLike, params: readonly RowParam[], shared: Shared): NamedExpr[] {
  const cx = start(fn, params, shared);
  const v = cx.body(fn);
  const cols = columnsOf(v, resultNode(fn) ?? fn);
  if (cols) return cols;
  return [{ name: 'key', expr: isExpr(v) ? v : cx.expr(resultNode(fn) ?? fn) }];
}

export function ordering(fn: FunctionLike, params: readonly RowParam[], shared: Shared): OrderItem[] {
  const cx = start(fn, params, shared);
  const result = resultNode(fn);
  if (!result) return fail(fn, 'an ordering lambda must return its key(s) directly', 'r => [desc(r.ts), r.id]');
  const items = Node.isArrayLiteralExpression(result) ? result.getElements() : [result];
  if (items.length === 0) fail(result, 'an ordering needs at least one key');
  return items.map((item) => {
    const v = cx.val(item);
    if (v.k === 'desc') return { expr: v.expr, desc: true };
    return { expr: cx.expr(item), desc: false };
  });
}

/** `r.arr.map((x, i) => ({...}))`, `s.split(',').map(...)`, or `[{...}, {...}]` (maybe `?? []`). */
export function flatMap(fn: FunctionLike, params: readonly RowParam[], shared: Shared): { array: Expr; columns: NamedExpr[] } {
  const cx = start(fn, params, shared);
  let result = resultNode(fn);
  if (result && Node.isBinaryExpression(result) && result.getOperatorToken().getText() === '??') {
    const right = result.getRight();
    if (Node.isArrayLiteralExpression(right) && right.getElements().length === 0) result = result.getLeft();
  }
  while (result && Node.isParenthesizedExpression(result)) result = result.getExpression();
  if (result && Node.isArrayLiteralExpression(result)) return literalRows(result, cx);
  if (result && Node.isCallExpression(result)) {
    const callee = result.getExpression();
    if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'map' && result.getArguments().length === 1) {
      return mappedArray(callee.getExpression(), result.getArguments()[0]!, cx);
    }
  }
  return fail(result ?? fn, 'a flatMap lambda must return array.map(x => ({ ... })) or an array literal of objects', "e.g. r => r.tags.split(',').map((tag, i) => ({ id: r.id, tag, pos: i }))");
}

function literalRows(array: Node, cx: Translation): { array: Expr; columns: NamedExpr[] } {
  if (!Node.isArrayLiteralExpression(array)) return fail(array, 'expected an array literal');
  const elements = array.getElements();
  if (elements.length === 0) fail(array, 'an empty array yields no rows', 'filter the rows instead');
  const rows = elements.map((el) => {
    const cols = columnsOf(cx.val(el), el);
    if (!cols) fail(el, 'each element must be an object literal of columns');
    return { el, cols };
  });
  const names = rows[0]!.cols.map((c) => c.name);
  for (const { el, cols } of rows) {
    const same = cols.length === names.length && names.every((n) => cols.some((c) => c.name === n));
    if (!same) fail(el, `every object must have the keys ${names.join(', ')}`);
  }
  // Unify each key's type across rows so every STRUCT in the array has one type.
  const unified = names.map((n) => unify(rows.map((r) => r.cols.find((c) => c.name === n)!.expr), array, `the values of '${n}'`));
  const items: Expr[] = rows.map((_, i) => {
    const fields = names.map((n, j) => ({ name: n, expr: unified[j]!.exprs[i]! }));
    return { k: 'struct', fields, type: structType(fields) };
  });
  const element = { ...structType(names.map((n, j) => ({ name: n, expr: { k: 'lit', value: null, type: unified[j]!.type } as Expr }))) };
  const elem: Expr = { k: 'elem', type: element };
  return {
    array: { k: 'array', items, type: { kind: 'ARRAY', nullable: false, element } },
    columns: names.map((n, j) => ({ name: n, expr: { k: 'field', of: elem, name: n, type: unified[j]!.type } })),
  };
}

function mappedArray(source: Node, callback: Node, cx: Translation): { array: Expr; columns: NamedExpr[] } {
  const array = cx.expr(source);
  if (array.type.kind !== 'ARRAY') fail(source, `flatMap can only map over an array, got ${array.type.kind}`);
  if (!(Node.isArrowFunction(callback) || Node.isFunctionExpression(callback))) {
    return fail(callback, 'the .map callback must be written inline', 'arr.map((x, i) => ({ ... }))');
  }
  const ps = callback.getParameters();
  if (ps.length > 2) fail(ps[2]!, '.map passes the element and its index only');
  const scope = cx.scope.child();
  const elem: Expr = { k: 'elem', type: array.type.element! };
  if (ps[0]) bindName(ps[0].getNameNode(), elem, scope, cx);
  if (ps[1]) bindName(ps[1].getNameNode(), { k: 'elem_offset', type: ty.int64() }, scope, cx);
  const v = cx.within(scope, () => cx.body(callback));
  const result = resultNode(callback) ?? callback;
  const columns = columnsOf(v, result);
  if (!columns) return fail(result, 'the .map callback must return an object literal of columns', '(x) => ({ value: x })');
  return { array, columns };
}
