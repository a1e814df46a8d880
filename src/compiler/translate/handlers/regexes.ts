/** Regex literal methods. */
import { ty, type Expr } from '../../ir/expr.js';
import { lit, op } from '../build.js';
import type { Cx, MethodCall } from '../context.js';
import { fail } from '../errors.js';
import { jsKind } from '../types.js';
import type { RegexVal } from '../values.js';
import { text } from './strings.js';

/** `/re/.test(s)`: a `g` regex keeps state (lastIndex) between calls in JS, so it is refused. */
export function test(m: MethodCall<RegexVal>, cx: Cx): Expr {
  if (m.receiver.global) fail(m.receiver.node, "test() with the g flag depends on lastIndex state in JavaScript", 'drop the g flag');
  if (m.args.length !== 1) fail(m.call, 'test() takes one string');
  const arg = m.args[0]!;
  const s = cx.expr(arg);
  if (jsKind(s.type) !== 'string') fail(arg, `test() needs a string, got ${s.type.kind}`);
  if (s.type.nullable) fail(arg, 'test(null) tests the text "null" in JavaScript', 'check for null first: s !== null && re.test(s)');
  return op('regexp_contains', [text(s, arg), lit(m.receiver.pattern)], ty.bool(), m.call);
}
