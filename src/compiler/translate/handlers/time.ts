/** The SDK's timestamp helpers (`time.truncDay(ts)` ...), `ts.getTime()` and `new Date(literal)`. */
import { Node } from 'ts-morph';
import type { SqlType } from '../../../sdk/schema.js';
import { ty, type Expr, type OpName } from '../../ir/expr.js';
import { lit, op } from '../build.js';
import type { Cx, FunctionCall, MethodCall } from '../context.js';
import { fail } from '../errors.js';
import { anyNullable } from '../types.js';

function timestampArg(node: Node, cx: Cx, name: string): Expr {
  const e = cx.expr(node);
  if (e.type.kind !== 'TIMESTAMP') fail(node, `${name}() needs a TIMESTAMP, got ${e.type.kind}`);
  return e;
}

/**
 * A helper of src/sdk/time.ts: `params` lists the argument kinds, `result` the result type
 * (nullable when an argument is).
 */
export function timeHelper(opName: OpName, name: string, params: readonly ('ts' | 'int')[], result: (nullable: boolean) => SqlType) {
  return (f: FunctionCall, cx: Cx): Expr => {
    if (f.args.length !== params.length) fail(f.call, `time.${name}() takes ${params.length} argument(s)`);
    const args = f.args.map((a, i) => {
      if (params[i] === 'ts') return timestampArg(a, cx, `time.${name}`);
      const n = cx.expr(a);
      if (n.type.kind !== 'INT64') fail(a, `time.${name}() needs a whole number of seconds (INT64), got ${n.type.kind}`, 'round it: Math.round(x)');
      return n;
    });
    return op(opName, args, result(anyNullable(args)), f.call);
  };
}

export const tsResult = (nullable: boolean) => ty.timestamp(nullable);
export const intResult = (nullable: boolean) => ty.int64(nullable);
export const dateResult = (nullable: boolean) => ty.date(nullable);

/** `ts.getTime()`: milliseconds since the epoch. */
export function getTime(m: MethodCall): Expr {
  if (m.args.length > 0) fail(m.call, 'getTime() takes no arguments');
  return op('unix_millis', [m.receiver], ty.int64(m.receiver.type.nullable), m.call);
}

/**
 * `new Date('2024-01-01T00:00:00Z')` / `new Date(ms)`: a TIMESTAMP literal, parsed by
 * JavaScript at compile time. Strings without a time zone are refused when they carry a time
 * (JavaScript would read them in the machine's local zone).
 */
export function newDate(f: FunctionCall, cx: Cx): Expr {
  if (f.args.length !== 1) fail(f.call, 'new Date() needs exactly one literal argument', 'the current time differs between engines and runs: use a column');
  const e = cx.expr(f.args[0]!);
  if (e.k !== 'lit' || (typeof e.value !== 'string' && typeof e.value !== 'number')) {
    return fail(f.args[0]!, 'new Date() needs a literal string or number', 'pass a literal like new Date("2024-01-01T00:00:00Z")');
  }
  if (typeof e.value === 'string' && /T|\d:\d/.test(e.value) && !/(Z|[+-]\d\d:?\d\d)$/.test(e.value)) {
    fail(f.args[0]!, `'${e.value}' has no time zone: JavaScript reads it in local time`, "end it with 'Z' for UTC");
  }
  const date = new Date(e.value);
  if (Number.isNaN(date.getTime())) return fail(f.args[0]!, `'${String(e.value)}' is not a valid date`);
  return lit(date.toISOString(), ty.timestamp());
}
