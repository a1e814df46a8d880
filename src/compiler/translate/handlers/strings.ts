/**
 * String methods. Positions and lengths: JS counts UTF-16 code units, SQL code points; they
 * agree except on characters outside the BMP (see the differences in docs/expressions.md),
 * and `.length` uses the exact `utf16_length`.
 */
import type { Node } from 'ts-morph';
import { ty, type Expr, type OpName } from '../../ir/expr.js';
import { caseWhen, lit, op } from '../build.js';
import type { Cx, MethodCall } from '../context.js';
import { fail } from '../errors.js';
import { checkReplacement, quoteRe2 } from '../regex.js';
import { jsKind } from '../types.js';
import { isExpr } from '../values.js';

/** The receiver as STRING (a DATE is its ISO text in JavaScript). */
export function text(e: Expr, node: Node): Expr {
  return e.type.kind === 'DATE' ? op('to_string', [e], ty.string(e.type.nullable), node) : e;
}

function arity(m: MethodCall, name: string, min: number, max: number): void {
  const n = m.args.length;
  if (n < min || n > max) fail(m.call, `${name}() takes ${min === max ? min : `${min} to ${max}`} argument(s) here, got ${n}`);
}

/** A string argument; NULL is refused (JavaScript would use the text "null"). */
function stringArg(node: Node, cx: Cx, name: string): Expr {
  const e = cx.expr(node);
  if (jsKind(e.type) !== 'string') fail(node, `${name}() needs a string argument, got ${e.type.kind}`);
  if (e.type.nullable) fail(node, `${name}() with a possibly-null argument: JavaScript would use the text "null"`, 'give a default with ??');
  return text(e, node);
}

function literalString(node: Node, cx: Cx, name: string, what: string): string {
  const e = cx.expr(node);
  if (e.k !== 'lit' || typeof e.value !== 'string') fail(node, `${name}() needs a literal string as ${what}`, 'write a string literal or a const string');
  return e.value;
}

/** An integer index argument: INT64, or a number literal (truncated like JS does). */
function indexArg(node: Node, cx: Cx, name: string): Expr {
  const e = cx.expr(node);
  if (e.k === 'lit' && typeof e.value === 'number' && Number.isFinite(e.value)) return lit(Math.trunc(e.value));
  if (e.type.kind !== 'INT64') fail(node, `${name}() index must be an INT64 value or a number literal, got ${e.type.kind}`, 'round it first: Math.trunc(x)');
  if (e.type.nullable) fail(node, `${name}() index may be null (JavaScript treats it as 0)`, 'give a default with ??');
  return e;
}

const num = (e: Expr): number | undefined => (e.k === 'lit' && typeof e.value === 'number' ? e.value : undefined);

/** A string → string / bool op of the receiver only. */
export function unary(opName: OpName, name: string) {
  return (m: MethodCall): Expr => {
    arity(m, name, 0, 0);
    const s = text(m.receiver, m.call);
    return op(opName, [s], ty.string(s.type.nullable), m.call);
  };
}

/** includes / startsWith / endsWith (without the position argument). */
export function predicate(opName: OpName, name: string) {
  return (m: MethodCall, cx: Cx): Expr => {
    arity(m, name, 1, 1);
    const s = text(m.receiver, m.call);
    return op(opName, [s, stringArg(m.args[0]!, cx, name)], ty.bool(s.type.nullable), m.call);
  };
}

/** substr over 0-based [start, end) bounds that are already clamped into range. */
function range(s: Expr, start: Expr, end: Expr | undefined, node: Node): Expr {
  const first = op('add', [start, lit(1)], ty.int64(), node);
  if (!end) return op('substr', [s, first], ty.string(s.type.nullable), node);
  const [a, b] = [num(start), num(end)];
  const length = a !== undefined && b !== undefined ? lit(Math.max(b - a, 0)) : op('greatest', [op('sub', [end, start], ty.int64(), node), lit(0)], ty.int64(), node);
  return op('substr', [s, first, length], ty.string(s.type.nullable), node);
}

/** `s.slice(a, b)`: negative indices count from the end; an end before the start gives ''. */
export function slice(m: MethodCall, cx: Cx): Expr {
  arity(m, 'slice', 0, 2);
  const s = text(m.receiver, m.call);
  if (m.args.length === 0) return s;
  const length = op('char_length', [s], ty.int64(s.type.nullable), m.call);
  const fromEnd = (i: Expr) => op('greatest', [op('add', [length, i], ty.int64(s.type.nullable), m.call), lit(0)], ty.int64(s.type.nullable), m.call);
  const bound = (node: Node): Expr => {
    const i = indexArg(node, cx, 'slice');
    const v = num(i);
    if (v !== undefined) return v >= 0 ? i : fromEnd(i);
    return caseWhen(op('lt', [i, lit(0)], ty.bool(), node), fromEnd(i), i, ty.int64(s.type.nullable));
  };
  return range(s, bound(m.args[0]!), m.args[1] ? bound(m.args[1]) : undefined, m.call);
}

/** `s.substring(a, b)`: negative indices are 0, and swapped bounds are swapped back. */
export function substring(m: MethodCall, cx: Cx): Expr {
  arity(m, 'substring', 1, 2);
  const s = text(m.receiver, m.call);
  const clamp = (node: Node): Expr => {
    const i = indexArg(node, cx, 'substring');
    const v = num(i);
    return v !== undefined ? lit(Math.max(v, 0)) : op('greatest', [i, lit(0)], ty.int64(), node);
  };
  const a = clamp(m.args[0]!);
  if (!m.args[1]) return range(s, a, undefined, m.call);
  const b = clamp(m.args[1]);
  const [x, y] = [num(a), num(b)];
  if (x !== undefined && y !== undefined) return range(s, lit(Math.min(x, y)), lit(Math.max(x, y)), m.call);
  return range(s, op('least', [a, b], ty.int64(), m.call), op('greatest', [a, b], ty.int64(), m.call), m.call);
}

/** `s.indexOf(x)`: 0-based, -1 when absent. */
export function indexOf(m: MethodCall, cx: Cx): Expr {
  arity(m, 'indexOf', 1, 1);
  const s = text(m.receiver, m.call);
  const pos = op('strpos', [s, stringArg(m.args[0]!, cx, 'indexOf')], ty.int64(s.type.nullable), m.call);
  return op('sub', [pos, lit(1)], ty.int64(s.type.nullable), m.call);
}

function regexReplace(s: Expr, pattern: string, replacement: string, global: boolean, node: Node): Expr {
  return op('regexp_replace', [s, lit(pattern), lit(replacement), lit(global)], ty.string(s.type.nullable), node);
}

/**
 * `s.replace(p, r)`: a regex literal (its `g` flag decides all vs first), or a string, which
 * replaces the first occurrence only (an escaped, non-global regexp_replace). `r` must be a
 * literal, because JS interprets `$` patterns in it.
 */
export function replace(m: MethodCall, cx: Cx): Expr {
  arity(m, 'replace', 2, 2);
  const s = text(m.receiver, m.call);
  const pattern = cx.val(m.args[0]!);
  const replacement = literalString(m.args[1]!, cx, 'replace', 'replacement');
  if (pattern.k === 'regex') {
    checkReplacement(replacement, pattern.groups, m.args[1]!);
    return regexReplace(s, pattern.pattern, replacement, pattern.global, m.call);
  }
  const needle = isExpr(pattern) && pattern.k === 'lit' && typeof pattern.value === 'string' ? pattern.value : fail(m.args[0]!, 'replace() needs a literal string or regex literal pattern');
  checkReplacement(replacement, 0, m.args[1]!);
  return regexReplace(s, quoteRe2(needle), replacement, false, m.call);
}

/** `s.replaceAll(p, r)`: REPLACE for plain strings, regexp_replace for regexes or `$` patterns. */
export function replaceAll(m: MethodCall, cx: Cx): Expr {
  arity(m, 'replaceAll', 2, 2);
  const s = text(m.receiver, m.call);
  const pattern = cx.val(m.args[0]!);
  const replacement = literalString(m.args[1]!, cx, 'replaceAll', 'replacement');
  if (pattern.k === 'regex') {
    if (!pattern.global) fail(m.args[0]!, 'replaceAll() with a regex without the g flag throws in JavaScript', 'add the g flag');
    checkReplacement(replacement, pattern.groups, m.args[1]!);
    return regexReplace(s, pattern.pattern, replacement, true, m.call);
  }
  const needle = isExpr(pattern) && pattern.k === 'lit' && typeof pattern.value === 'string' ? pattern.value : fail(m.args[0]!, 'replaceAll() needs a literal string or regex literal pattern');
  if (needle === '') fail(m.args[0]!, "replaceAll('') inserts between every UTF-16 code unit in JavaScript", 'this has no SQL equivalent');
  if (!replacement.includes('$')) return op('replace_all', [s, lit(needle), lit(replacement)], ty.string(s.type.nullable), m.call);
  checkReplacement(replacement, 0, m.args[1]!);
  return regexReplace(s, quoteRe2(needle), replacement, true, m.call);
}

/** `s.split(',')` with a literal, non-empty separator. */
export function split(m: MethodCall, cx: Cx): Expr {
  arity(m, 'split', 1, 1);
  const s = text(m.receiver, m.call);
  const arg = cx.val(m.args[0]!);
  if (arg.k === 'regex') fail(m.args[0]!, 'split() by a regex is not supported', 'split by a literal string');
  const sep = literalString(m.args[0]!, cx, 'split', 'separator');
  if (sep === '') fail(m.args[0]!, "split('') splits into UTF-16 code units in JavaScript, which SQL cannot reproduce", 'split by a non-empty separator');
  return op('split', [s, lit(sep)], { kind: 'ARRAY', nullable: s.type.nullable, element: ty.string() }, m.call);
}

/** padStart / padEnd: never truncates (SQL LPAD would), default fill ' '. */
export function pad(opName: 'lpad' | 'rpad', name: string) {
  return (m: MethodCall, cx: Cx): Expr => {
    arity(m, name, 1, 2);
    const s = text(m.receiver, m.call);
    const width = indexArg(m.args[0]!, cx, name);
    const fill = m.args[1] ? literalString(m.args[1], cx, name, 'fill') : ' ';
    if (fill === '') return s;
    const type = ty.string(s.type.nullable);
    const short = op('lt', [op('char_length', [s], ty.int64(s.type.nullable), m.call), width], ty.bool(s.type.nullable), m.call);
    return caseWhen(short, op(opName, [s, width, lit(fill)], type, m.call), s, type);
  };
}

/** `s.length`: UTF-16 code units, as in JavaScript. */
export function length(receiver: Expr, node: Node): Expr {
  const s = text(receiver, node);
  return op('utf16_length', [s], ty.int64(s.type.nullable), node);
}

/** `s.toString()` on a string. */
export function identity(m: MethodCall): Expr {
  arity(m, 'toString', 0, 0);
  return text(m.receiver, m.call);
}
