/**
 * DuckDB's mapping table: one DuckDB SQL text builder per IR operation, reproducing the
 * JavaScript meaning documented on OPS (src/compiler/ir/expr.ts).
 */
import type { Expr } from '../../ir/expr.js';
import { conversionOps } from '../shared/conversions.js';
import { ASTRAL_CLASS, JS_WHITESPACE_CLASS, re2Replacement } from '../shared/js-regex.js';
import { fn, infix, nullAndNanPropagating, regexpReplaceParts, roundHalfUp } from '../shared/op-builders.js';
import { paren } from '../shared/parens.js';
import { standardOps } from '../shared/standard-ops.js';
import type { OpBuilder, OpCall, OpTable } from '../shared/sql-spec.js';
import { duckdbSyntax as sx } from './syntax.js';

const NAN = "'NaN'::DOUBLE";
const INF = "'Infinity'::DOUBLE";
const NEG_INF = "'-Infinity'::DOUBLE";

const isFloat = (e: Expr | undefined): boolean => e?.type.kind === 'FLOAT64';
const str = (s: string): string => sx.stringLiteral(s);
const ws = `${JS_WHITESPACE_CLASS}+`;

/** DuckDB's math functions return DOUBLE; an INT64 result (floor, ceil, round, pow) is cast back. */
const asResultType = (call: OpCall, sql: string): string => (call.expr.type.kind === 'INT64' ? `CAST(${sql} AS BIGINT)` : sql);

const trimmer =
  (pattern: string): OpBuilder =>
  ({ args }) =>
    `regexp_replace(${args[0]}, ${str(pattern)}, '', 'g')`;

const isNonZeroLiteral = (e: Expr | undefined): boolean => e?.k === 'lit' && typeof e.value === 'number' && e.value !== 0;

/**
 * IEEE division spelled out, so x / 0 is ±Infinity or NaN (as in JS) whatever the
 * connection's `ieee_floating_point_ops` setting is. DuckDB orders NaN above every number,
 * hence the explicit isnan before `x > 0`.
 */
const div: OpBuilder = (call) => {
  const [x, y] = call.args as [string, string];
  if (isNonZeroLiteral(call.expr.args[1])) return paren(`${x} / ${y}`);
  return (
    `CASE WHEN ${y} <> 0 THEN ${x} / ${y} WHEN ${x} IS NULL OR ${y} IS NULL THEN CAST(NULL AS DOUBLE)` +
    ` WHEN isnan(${x}) OR ${x} = 0 THEN ${NAN} WHEN ${x} > 0 THEN ${INF} ELSE ${NEG_INF} END`
  );
};

/** `%` on DOUBLE is C fmod (JS `%`); on BIGINT it truncates, but x % 0 is NULL there, not NaN. */
const mod: OpBuilder = (call) => {
  const [x, y] = call.args as [string, string];
  if (call.expr.type.kind === 'INT64') return paren(`${x} % ${y}`);
  return `CASE WHEN ${y} = 0 THEN ${NAN} ELSE CAST(${x} AS DOUBLE) % ${y} END`;
};

/** JS padStart / padEnd: no truncation when already long enough, unchanged with an empty pad. */
const pad =
  (name: 'lpad' | 'rpad'): OpBuilder =>
  ({ args: [s, n, p] }) =>
    `CASE WHEN length(${s}) >= ${n} OR ${p} = '' THEN ${s} ELSE ${name}(${s}, CAST(${n} AS INTEGER), ${p}) END`;

const regexpReplace: OpBuilder = (call) => {
  const { pattern, replacement, global } = regexpReplaceParts(call);
  const rewrite = str(re2Replacement(replacement, pattern, call.fail));
  return `regexp_replace(${call.args[0]}, ${str(pattern)}, ${rewrite}${global ? ", 'g'" : ''})`;
};

const conversions = conversionOps({
  text: (x) => `CAST(${x} AS VARCHAR)`,
  extract: (s, p) => `regexp_extract(${s}, ${str(p)}, 1)`,
  matches: (s, p) => `regexp_matches(${s}, ${str(p)})`,
  replace: (s, p, r) => `regexp_replace(${s}, ${str(p)}, ${str(r)}, 'g')`,
  toInt: (s) => `CAST(${s} AS BIGINT)`,
  repeat: (s, n) => `repeat(${s}, ${n})`,
  length: (s) => `length(${s})`,
  substr: (s, start, len) => `substring(${s}, ${start}${len ? `, ${len}` : ''})`,
  concat: (parts) => paren(parts.join(' || ')),
  str,
  isNan: (x) => `isnan(${x})`,
  infinity: (negative) => (negative ? NEG_INF : INF),
  cast: (x, kind) => `CAST(${x} AS ${{ STRING: 'VARCHAR', FLOAT64: 'DOUBLE', INT64: 'BIGINT' }[kind]})`,
  trunc: (x) => `trunc(${x})`,
  isoTimestamp: (x) => `strftime(${x}, '%Y-%m-%dT%H:%M:%S.%gZ')`,
  hexToInt: (s) => `TRY_CAST(${s} AS BIGINT)`,
});

/** Integer division rounding down (DuckDB's `//` truncates toward zero). */
const floorDiv = (x: string, n: number): string => paren(`(${x} - (${x} % ${n} + ${n}) % ${n}) // ${n}`);

const diffIn =
  (micros: number): OpBuilder =>
  ({ args: [end, start] }) =>
    // Integer `//` truncates toward zero; date_diff would count boundaries instead.
    paren(`(epoch_us(${end}) - epoch_us(${start})) // ${micros}`);

export const duckdbOps: OpTable = {
  ...standardOps,
  add: infix('+'),
  sub: infix('-'),
  mul: infix('*'),
  div,
  mod,
  neg: ({ args }) => paren(`-${args[0]}`),
  abs: fn('abs'),
  floor: (call) => asResultType(call, `floor(${call.args[0]})`),
  ceil: (call) => asResultType(call, `ceil(${call.args[0]})`),
  // DuckDB raises on sqrt of a negative number; JS gives NaN.
  sqrt: ({ args: [x] }) => `CASE WHEN ${x} < 0 THEN ${NAN} ELSE sqrt(${x}) END`,
  pow: (call) => asResultType(call, `pow(${call.args[0]}, ${call.args[1]})`),
  // DuckDB's sign(NaN) is 0; JS Math.sign(NaN) is NaN.
  sign: (call) =>
    isFloat(call.expr.args[0])
      ? `CASE WHEN isnan(${call.args[0]}) THEN ${call.args[0]} ELSE CAST(sign(${call.args[0]}) AS DOUBLE) END`
      : `CAST(sign(${call.args[0]}) AS BIGINT)`,
  trunc: fn('trunc'),
  round_half_up: (call) =>
    isFloat(call.expr.args[0]) ? asResultType(call, roundHalfUp(call.args[0]!, (x) => `floor(${x})`, (x) => `ceil(${x})`, call.syntax.backslashEscapes)) : call.args[0]!,
  // DuckDB's least / greatest skip NULLs and rank NaN highest.
  least: nullAndNanPropagating('least'),
  greatest: nullAndNanPropagating('greatest'),
  // `||` propagates NULL; DuckDB's concat() would skip NULL arguments.
  concat: infix('||'),
  lower: fn('lower'),
  upper: fn('upper'),
  trim: trimmer(`^${ws}|${ws}$`),
  trim_start: trimmer(`^${ws}`),
  trim_end: trimmer(`${ws}$`),
  contains: fn('contains'),
  starts_with: fn('starts_with'),
  ends_with: fn('ends_with'),
  substr: fn('substring'),
  replace_all: fn('replace'),
  regexp_replace: regexpReplace,
  regexp_contains: fn('regexp_matches'),
  split: fn('string_split'),
  utf16_length: ({ args: [s] }) =>
    paren(`length(${s}) + length(regexp_replace(${s}, ${str(`[^${ASTRAL_CLASS.slice(1)}`)}, '', 'g'))`),
  char_length: fn('length'),
  lpad: pad('lpad'),
  rpad: pad('rpad'),
  strpos: fn('strpos'),
  ...conversions,
  array_length: fn('len'),
  array_contains: fn('list_contains'),
  // DuckDB lists are 1-based and read negative indexes from the end; JS gives undefined.
  array_at: ({ args: [arr, i] }) => `CASE WHEN ${i} >= 0 THEN ${arr}[${i} + 1] END`,
  trunc_day: ({ args }) => `date_trunc('day', ${args[0]})`,
  // DuckDB weeks start on Monday (ISO).
  trunc_week: ({ args }) => `date_trunc('week', ${args[0]})`,
  trunc_month: ({ args }) => `date_trunc('month', ${args[0]})`,
  diff_seconds: diffIn(1_000_000),
  diff_days: diffIn(86_400_000_000),
  add_seconds: (call) =>
    call.expr.args[1]?.type.kind === 'INT64'
      ? paren(`${call.args[0]} + to_seconds(${call.args[1]})`)
      : // new Date(ms + s * 1000) drops the fraction of the total (floor after 1970)
        paren(`${call.args[0]} + to_milliseconds(CAST(floor(${call.args[1]} * 1000) AS BIGINT))`),
  year: fn('year'),
  month: fn('month'),
  day_of_month: fn('day'),
  iso_day_of_week: fn('isodow'),
  hour: fn('hour'),
  to_date: ({ args }) => `CAST(${args[0]} AS DATE)`,
  // Rounded down like time.unixSeconds (and BigQuery's UNIX_SECONDS); `//` would truncate.
  unix_seconds: ({ args: [x] }) => floorDiv(`epoch_us(${x})`, 1_000_000),
  unix_millis: ({ args: [x] }) => floorDiv(`epoch_us(${x})`, 1000),
  // First 16 hex digits of MD5 over the UTF-8 bytes: identical in BigQuery and node:crypto.
  hash_hex: ({ args }) => `substring(md5(${args[0]}), 1, 16)`,
};
