/** `Math.*` functions, with JavaScript rounding and NaN rules. */
import { ty, type Expr, type OpName } from '../../ir/expr.js';
import { lit, op } from '../build.js';
import type { Cx, FunctionCall } from '../context.js';
import { fail } from '../errors.js';
import { numericKind } from '../types.js';
import { numberOperand } from './arithmetic.js';

function args(f: FunctionCall, cx: Cx, name: string, count: number): Expr[] {
  if (f.args.length !== count) fail(f.call, `Math.${name} takes ${count} argument(s) here, got ${f.args.length}`);
  return f.args.map((a) => numberOperand(a, cx, `Math.${name}`));
}

/** Functions whose result has the argument's type (abs, sign). */
export function sameType(opName: OpName, name: string) {
  return (f: FunctionCall, cx: Cx): Expr => {
    const [x] = args(f, cx, name, 1);
    return op(opName, [x!], x!.type, f.call);
  };
}

/** floor / ceil / round / trunc: identity on INT64; FLOAT64 stays FLOAT64 (NaN and ±Infinity pass through). */
export function rounding(opName: OpName, name: string) {
  return (f: FunctionCall, cx: Cx): Expr => {
    const [x] = args(f, cx, name, 1);
    return x!.type.kind === 'INT64' ? x! : op(opName, [x!], x!.type, f.call);
  };
}

/** pow / sqrt: always FLOAT64. */
export function floating(opName: OpName, name: string, arity: number) {
  return (f: FunctionCall, cx: Cx): Expr => op(opName, args(f, cx, name, arity), ty.float64(), f.call);
}

/** Math.min / Math.max over one or more arguments. */
export function extreme(opName: 'least' | 'greatest', name: string) {
  return (f: FunctionCall, cx: Cx): Expr => {
    if (f.args.length === 0) fail(f.call, `Math.${name}() without arguments is ${opName === 'least' ? 'Infinity' : '-Infinity'}`, 'pass at least one argument');
    const xs = f.args.map((a) => numberOperand(a, cx, `Math.${name}`));
    if (xs.length === 1) return xs[0]!;
    const kind = xs.reduce((k, x) => numericKind({ kind: k, nullable: false }, x.type), 'INT64' as Expr['type']['kind']);
    return op(opName, xs, { kind, nullable: false }, f.call);
  };
}

export const PI = lit(Math.PI);
export const E = lit(Math.E);
