/** Conversions with JavaScript semantics: String(x), Number(x), Boolean(x), template parts. */
import type { Node } from 'ts-morph';
import { ty, type Expr } from '../../ir/expr.js';
import { lit, op } from '../build.js';
import type { Cx, FunctionCall } from '../context.js';
import { fail } from '../errors.js';
import { jsKind } from '../types.js';

/**
 * The JS string form of a value, as `String(x)`, a template part or a `+` operand produce it:
 * numbers via `to_string` (JS number formatting), DATE as its ISO text, and NULL as 'null'.
 */
export function jsString(e: Expr, node: Node, cx: Cx): Expr {
  const kind = jsKind(e.type);
  if (kind === 'date') {
    fail(node, 'a Date converts to a local-time string in JavaScript, which SQL cannot reproduce', 'convert explicitly, e.g. time.toDate(ts) for the UTC date');
  }
  if (kind === 'array' || kind === 'object' || kind === 'json') {
    fail(node, `cannot convert a ${e.type.kind} value to a string`, 'convert its fields one by one');
  }
  if (e.type.nullable && cx.nullishness(node).undefined) {
    fail(node, 'this value may be undefined, which JavaScript prints as "undefined"', 'give it a default with ?? first');
  }
  const str = e.type.kind === 'STRING' ? e : op('to_string', [e], ty.string(e.type.nullable), node);
  return e.type.nullable ? op('coalesce', [str, lit('null')], ty.string(), node) : str;
}

function oneArg(f: FunctionCall, name: string): Node {
  if (f.args.length !== 1) fail(f.call, `${name}() takes exactly one argument here`);
  return f.args[0]!;
}

/** `String(x)`. */
export function stringOf(f: FunctionCall, cx: Cx): Expr {
  const arg = oneArg(f, 'String');
  return jsString(cx.expr(arg), arg, cx);
}

/** `Number(x)`: numbers pass through, booleans are 0 / 1, strings use JS Number parsing. */
export function numberOf(f: FunctionCall, cx: Cx): Expr {
  const arg = oneArg(f, 'Number');
  const e = cx.expr(arg);
  if (e.type.nullable) {
    fail(arg, 'Number(null) is 0 and Number(undefined) is NaN in JavaScript, but NULL in SQL', 'handle null first: x === null ? 0 : Number(x)');
  }
  switch (jsKind(e.type)) {
    case 'number':
      return e;
    case 'boolean':
      return op('to_int', [e], ty.int64(), f.call);
    case 'string':
      if (e.type.kind === 'DATE') fail(arg, 'Number() of a DATE string is NaN in JavaScript', 'use time helpers on a TIMESTAMP instead');
      return op('to_float', [e], ty.float64(), f.call);
    default:
      return fail(arg, `Number() of a ${e.type.kind} is not supported`, 'use time.unixSeconds(ts) for timestamps');
  }
}

/** `Boolean(x)`: JavaScript truthiness. */
export function booleanOf(f: FunctionCall, cx: Cx): Expr {
  const arg = oneArg(f, 'Boolean');
  const e = cx.expr(arg);
  const notNull = (inner: Expr) => (e.type.nullable ? op('and', [op('is_not_null', [e], ty.bool(), f.call), inner], ty.bool(), f.call) : inner);
  switch (jsKind(e.type)) {
    case 'boolean':
      return e.type.nullable ? op('coalesce', [e, lit(false)], ty.bool(), f.call) : e;
    case 'string':
      return notNull(op('neq', [e.type.kind === 'DATE' ? op('to_string', [e], ty.string(), arg) : e, lit('')], ty.bool(e.type.nullable), f.call));
    case 'number':
      // to_bool on numbers is JS truthiness (0, -0 and NaN are false).
      return notNull(op('to_bool', [e], ty.bool(e.type.nullable), f.call));
    default:
      return e.type.nullable ? op('is_not_null', [e], ty.bool(), f.call) : lit(true);
  }
}

/** `x.toString()` on numbers and booleans (no radix). */
export function toStringMethod(receiver: Expr, call: Node, args: readonly Node[], cx: Cx): Expr {
  if (args.length > 0) fail(args[0]!, 'toString with a radix is not supported', 'use String(x)');
  return jsString(receiver, call, cx);
}
