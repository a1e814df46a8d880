/** Object literals (STRUCT, with spreads in JS key order), array literals, arrays' methods. */
import { Node } from 'ts-morph';
import type { SqlField, SqlType } from '../../../sdk/schema.js';
import { ty, type Expr, type NamedExpr } from '../../ir/expr.js';
import { op } from '../build.js';
import type { Cx, MethodCall } from '../context.js';
import { fail, snippet } from '../errors.js';
import { jsKind, unify } from '../types.js';
import { rowColumn, type Val } from '../values.js';

/** The fields a spread `...x` contributes: a row's columns or a struct's fields. */
export function spreadFields(val: Val, node: Node): NamedExpr[] {
  if (val.k === 'row') return val.fields.map((f) => ({ name: f.name, expr: rowColumn(val, f) }));
  if (val.k === 'struct') return [...val.fields];
  if (val.k !== 'regex' && val.k !== 'desc' && val.type.kind === 'STRUCT' && !val.type.nullable) {
    return val.type.fields!.map((f) => ({ name: f.name, expr: { k: 'field', of: val, name: f.name, type: f.type } }));
  }
  return fail(node, `cannot spread '${snippet(node)}'`, 'spread a row parameter or an object (a nullable struct would spread nothing when null)');
}

/** The STRUCT type of named fields. */
export function structType(fields: readonly NamedExpr[]): SqlType {
  const typed: SqlField[] = fields.map((f) => ({ name: f.name, type: f.expr.type }));
  return { kind: 'STRUCT', nullable: false, fields: typed };
}

function propertyName(name: Node): string {
  if (Node.isIdentifier(name) || Node.isStringLiteral(name) || Node.isNoSubstitutionTemplateLiteral(name)) {
    const text = Node.isIdentifier(name) ? name.getText() : name.getLiteralValue();
    // Integer-like keys are reordered first by JavaScript, and are not valid column names.
    if (/^(0|[1-9]\d*)$/.test(text)) fail(name, `the key '${text}' is an integer-like property name`, 'use a name starting with a letter or underscore');
    return text;
  }
  return fail(name, 'computed property names are not supported', 'write the key literally');
}

/**
 * `{ a: x, ...r, b }`: fields in JavaScript's key order. A later key overrides an earlier one
 * in place (the value changes, the position does not), exactly as JS objects behave.
 */
export function objectLiteral(node: Node, cx: Cx): Expr {
  if (!Node.isObjectLiteralExpression(node)) return fail(node, 'expected an object literal');
  const fields = new Map<string, Expr>();
  const set = (name: string, expr: Expr) => fields.set(name, expr);
  for (const prop of node.getProperties()) {
    if (Node.isPropertyAssignment(prop)) {
      set(propertyName(prop.getNameNode()), cx.expr(prop.getInitializerOrThrow()));
    } else if (Node.isShorthandPropertyAssignment(prop)) {
      set(prop.getName(), cx.expr(prop.getNameNode()));
    } else if (Node.isSpreadAssignment(prop)) {
      for (const f of spreadFields(cx.val(prop.getExpression()), prop.getExpression())) set(f.name, f.expr);
    } else {
      fail(prop, 'methods, getters and setters are not supported in object literals', 'write plain properties: { name: value }');
    }
  }
  const named = [...fields].map(([name, expr]) => ({ name, expr }));
  return { k: 'struct', fields: named, type: structType(named) };
}

/** `[a, b, c]`: an ARRAY (elements may not be NULL, as in BigQuery). */
export function arrayLiteral(node: Node, cx: Cx): Expr {
  if (!Node.isArrayLiteralExpression(node)) return fail(node, 'expected an array literal');
  const elements = node.getElements();
  if (elements.length === 0) fail(node, 'an empty array literal has no element type', 'write at least one element');
  const items = elements.map((el) => {
    if (Node.isSpreadElement(el)) fail(el, 'spreads in array literals are not supported');
    const e = cx.expr(el);
    if (e.type.nullable) fail(el, 'array elements may not be NULL in SQL', 'give a default with ??');
    return e;
  });
  const u = unify(items, node, 'array elements');
  return { k: 'array', items: u.exprs, type: { kind: 'ARRAY', nullable: false, element: u.type } };
}

/**
 * `list.includes(x)`: IN over a literal list, array_contains otherwise. JS's includes(null) is
 * false (arrays never hold NULL here), so a nullable `x` is checked first.
 */
export function includes(m: MethodCall, cx: Cx): Expr {
  if (m.args.length !== 1) fail(m.call, 'includes() takes one argument here');
  const list = m.receiver;
  const x = cx.expr(m.args[0]!);
  const element = list.type.element!;
  if (jsKind(element) !== jsKind(x.type)) fail(m.args[0]!, `includes() of a ${x.type.kind} in an array of ${element.kind}`);
  const found =
    list.k === 'array' && list.items.every((i) => i.k === 'lit')
      ? op('in', [x, ...list.items], ty.bool(x.type.nullable), m.call)
      : op('array_contains', [list, x], ty.bool(x.type.nullable || list.type.nullable), m.call);
  return x.type.nullable ? op('and', [op('is_not_null', [x], ty.bool(), m.call), found], ty.bool(list.type.nullable), m.call) : found;
}

/** `arr.length`. */
export function arrayLength(receiver: Expr, node: Node): Expr {
  return op('array_length', [receiver], ty.int64(receiver.type.nullable), node);
}

/** `arr[i]`: the element, NULL when out of range (undefined in JS). */
export function arrayAt(receiver: Expr, index: Expr, node: Node): Expr {
  if (index.type.kind !== 'INT64' || index.type.nullable) fail(node, 'array index must be a non-null INT64', 'index with an integer literal or column');
  if (index.k === 'lit' && typeof index.value === 'number' && index.value < 0) fail(node, 'a negative index reads a missing property in JavaScript', 'index from 0');
  return op('array_at', [receiver, index], { ...receiver.type.element!, nullable: true }, node);
}
