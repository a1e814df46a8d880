/**
 * Builder factories shared by the dialects' mapping tables: plain functions and operators,
 * and the NaN / NULL guards that make SQL comparisons behave like JavaScript's.
 */
import type { Expr } from '../../ir/expr.js';
import { paren, unwrap } from './parens.js';
import type { OpBuilder, OpCall, SqlSyntax } from './sql-spec.js';

/** `NAME(a, b, ...)`; arguments lose redundant outer parentheses. */
export const fn =
  (name: string): OpBuilder =>
  ({ args, syntax }) =>
    `${name}(${args.map((a) => unwrap(a, syntax.backslashEscapes)).join(', ')})`;

/** `(a OP b OP ...)`. */
export const infix =
  (operator: string): OpBuilder =>
  ({ args }) =>
    paren(args.join(` ${operator} `));

/** `(a POSTFIX)`, e.g. `IS NULL`. */
export const postfix =
  (suffix: string): OpBuilder =>
  ({ args }) =>
    paren(`${args[0]} ${suffix}`);

/** True when an argument is FLOAT64 and may hold NaN (finite literals cannot). */
export function mayBeNan(arg: Expr): boolean {
  if (arg.type.kind !== 'FLOAT64') return false;
  return !(arg.k === 'lit' && (arg.value === null || (typeof arg.value === 'number' && !Number.isNaN(arg.value))));
}

/** The NaN-capable operands of a call, rendered. */
function nanOperands(call: OpCall): string[] {
  return call.expr.args.flatMap((a, i) => (mayBeNan(a) ? [call.args[i]!] : []));
}

/**
 * A comparison with JavaScript's NaN rule: any comparison with NaN is false, `!==` true.
 * Engines disagree here (DuckDB orders NaN above everything and makes NaN = NaN true), so
 * NaN-capable FLOAT64 operands get an explicit guard in every dialect.
 */
export const nanSafeCompare =
  (operator: '=' | '<>' | '<' | '<=' | '>' | '>='): OpBuilder =>
  (call) => {
    const base = `${call.args[0]} ${operator} ${call.args[1]}`;
    const nans = nanOperands(call).map((sql) => call.syntax.isNan(sql));
    if (nans.length === 0) return paren(base);
    return operator === '<>' ? paren([base, ...nans].join(' OR ')) : paren([base, ...nans.map((n) => `NOT ${n}`)].join(' AND '));
  };

/** `IS [NOT] DISTINCT FROM` where NaN is distinct from everything, itself included (JS `===`). */
export const nanSafeDistinct =
  (distinct: boolean): OpBuilder =>
  (call) => {
    const base = `${call.args[0]} IS ${distinct ? '' : 'NOT '}DISTINCT FROM ${call.args[1]}`;
    const nans = nanOperands(call).map((sql) => `COALESCE(${call.syntax.isNan(sql)}, FALSE)`);
    if (nans.length === 0) return paren(base);
    return distinct ? paren([base, ...nans].join(' OR ')) : paren([base, ...nans.map((n) => `NOT ${n}`)].join(' AND '));
  };

/**
 * LEAST / GREATEST with JavaScript's Math.min / Math.max rules on top of an engine
 * function that skips NULLs and orders NaN: NULL if any argument is NULL, NaN if any is NaN.
 */
export const nullAndNanPropagating =
  (name: string): OpBuilder =>
  (call) => {
    const { args, syntax, expr } = call;
    const nulls = args.map((a) => `${a} IS NULL`).join(' OR ');
    const nans = nanOperands(call).map((a) => syntax.isNan(a));
    const nanBranch = nans.length ? ` WHEN ${nans.join(' OR ')} THEN ${syntax.literal(Number.NaN, expr.type, site(call))}` : '';
    return `CASE WHEN ${nulls} THEN ${syntax.literal(null, expr.type, site(call))}${nanBranch} ELSE ${name}(${args.join(', ')}) END`;
  };

function site(call: OpCall) {
  return call.expr.site ?? { file: '<unknown>', line: 0, column: 0 };
}

/** A typed literal for builders that need constants (NaN, Infinity, 0) of the result type. */
export function floatConst(syntax: SqlSyntax, value: number): string {
  return syntax.literal(value, { kind: 'FLOAT64', nullable: false }, { file: '<internal>', line: 0, column: 0 });
}

/**
 * JS Math.round: halves go up. `floor(x + 0.5)` fails for 0.49999999999999994 and large odd
 * numbers. Rounding up uses ceil (not floor + 1) so that x in [-0.5, 0) gives -0, as in JS.
 */
export function roundHalfUp(x: string, floor: (x: string) => string, ceil: (x: string) => string, backslashEscapes: boolean): string {
  const bare = unwrap(x, backslashEscapes);
  const down = floor(bare);
  return `CASE WHEN ${x} - ${down} >= 0.5 THEN ${ceil(bare)} ELSE ${down} END`;
}

/** The literal arguments of `regexp_replace`: [value, pattern, replacement, global]. */
export function regexpReplaceParts(call: OpCall): { pattern: string; replacement: string; global: boolean } {
  const [, pattern, replacement, global] = call.expr.args;
  const text = (e: Expr | undefined, what: string): string =>
    e?.k === 'lit' && typeof e.value === 'string' ? e.value : call.fail(`the ${what} must be a string literal`);
  if (global?.k !== 'lit' || typeof global.value !== 'boolean') call.fail('the global flag must be a boolean literal');
  return { pattern: text(pattern, 'pattern'), replacement: text(replacement, 'replacement'), global: global.value as boolean };
}
