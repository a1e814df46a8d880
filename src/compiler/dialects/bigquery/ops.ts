/**
 * BigQuery's mapping table: one GoogleSQL text builder per IR operation. Each entry
 * reproduces the JavaScript meaning documented on OPS (src/compiler/ir/expr.ts).
 */
import type { Expr } from '../../ir/expr.js';
import { conversionOps } from '../shared/conversions.js';
import { ASTRAL_CLASS, captureGroups, JS_WHITESPACE_CLASS, re2Replacement } from '../shared/js-regex.js';
import { fn, infix, regexpReplaceParts, roundHalfUp } from '../shared/op-builders.js';
import { paren } from '../shared/parens.js';
import { standardOps } from '../shared/standard-ops.js';
import type { OpBuilder, OpCall, OpTable } from '../shared/sql-spec.js';
import { bigquerySyntax as sx } from './syntax.js';

const NAN = "CAST('NaN' AS FLOAT64)";
const INF = "CAST('inf' AS FLOAT64)";
const NEG_INF = "CAST('-inf' AS FLOAT64)";

const isFloat = (e: Expr | undefined): boolean => e?.type.kind === 'FLOAT64';
const regex = (p: string): string => sx.regexLiteral(p);

/** Result cast for ops whose IR type is INT64 while the argument is FLOAT64 (floor, ceil, round). */
const toResultType = (call: OpCall, sql: string): string =>
  call.expr.type.kind === 'INT64' && isFloat(call.expr.args[0]) ? `CAST(${sql} AS INT64)` : sql;

const trimmer =
  (pattern: string): OpBuilder =>
  ({ args }) =>
    `REGEXP_REPLACE(${args[0]}, ${regex(pattern)}, '')`;

const ws = `${JS_WHITESPACE_CLASS}+`;

/** JS `x % y` on doubles: C fmod. GoogleSQL MOD takes no FLOAT64, so it is built from TRUNC. */
const floatMod: OpBuilder = ({ args: [x, y] }) =>
  `CASE WHEN ${y} = 0 OR IS_INF(${x}) OR IS_NAN(${x}) OR IS_NAN(${y}) THEN ${NAN}` +
  ` WHEN IS_INF(${y}) THEN ${x} ELSE ${x} - ${y} * TRUNC(${x} / ${y}) END`;

/** JS padStart / padEnd: no truncation when already long enough, unchanged with an empty pad. */
const pad =
  (name: 'LPAD' | 'RPAD'): OpBuilder =>
  ({ args: [s, n, p] }) =>
    `CASE WHEN CHAR_LENGTH(${s}) >= ${n} OR ${p} = '' THEN ${s} ELSE ${name}(${s}, ${n}, ${p}) END`;

const conversions = conversionOps({
  text: (x) => `CAST(${x} AS STRING)`,
  extract: (s, p) => `COALESCE(REGEXP_EXTRACT(${s}, ${regex(p)}), '')`,
  matches: (s, p) => `REGEXP_CONTAINS(${s}, ${regex(p)})`,
  replace: (s, p, r) => `REGEXP_REPLACE(${s}, ${regex(p)}, ${sx.stringLiteral(r)})`,
  toInt: (s) => `CAST(${s} AS INT64)`,
  repeat: (s, n) => `REPEAT(${s}, ${n})`,
  length: (s) => `CHAR_LENGTH(${s})`,
  substr: (s, start, len) => `SUBSTR(${s}, ${start}${len ? `, ${len}` : ''})`,
  concat: (parts) => `CONCAT(${parts.join(', ')})`,
  str: (v) => sx.stringLiteral(v),
  isNan: (x) => `IS_NAN(${x})`,
  infinity: (negative) => (negative ? NEG_INF : INF),
  cast: (x, kind) => `CAST(${x} AS ${kind})`,
  trunc: (x) => `TRUNC(${x})`,
  isoTimestamp: (x) => `FORMAT_TIMESTAMP('%Y-%m-%dT%H:%M:%E3SZ', ${x}, 'UTC')`,
  hexToInt: (s) => `SAFE_CAST(${s} AS INT64)`,
});

/** Non-global JS replace: only the first match, via a prefix group (GoogleSQL replaces all). */
const regexpReplace: OpBuilder = (call) => {
  const { pattern, replacement, global } = regexpReplaceParts(call);
  if (global) {
    return `REGEXP_REPLACE(${call.args[0]}, ${regex(pattern)}, ${sx.stringLiteral(re2Replacement(replacement, pattern, call.fail))})`;
  }
  const { count } = captureGroups(pattern);
  // Groups: \1 the text before the match, \2 the match itself (`$&`), the pattern's own
  // groups, then the rest; RE2 rewrites reach \9, hence at most 6 groups of the pattern.
  if (count > 6) call.fail('a first-match-only replacement supports at most 6 capturing groups');
  const wrapped = `^((?s:.)*?)(${pattern})((?s:.)*)$`;
  const rewrite = `\\1${re2Replacement(replacement, pattern, call.fail, 2)}\\${count + 3}`;
  return `REGEXP_REPLACE(${call.args[0]}, ${regex(wrapped)}, ${sx.stringLiteral(rewrite)})`;
};

/** Timestamp difference in whole units, truncated toward zero on the microsecond difference. */
const diffIn =
  (micros: number): OpBuilder =>
  ({ args: [end, start] }) =>
    `DIV(UNIX_MICROS(${end}) - UNIX_MICROS(${start}), ${micros})`;

const extract =
  (part: string): OpBuilder =>
  ({ args }) =>
    `EXTRACT(${part} FROM ${args[0]} AT TIME ZONE 'UTC')`;

export const bigqueryOps: OpTable = {
  ...standardOps,
  add: infix('+'),
  sub: infix('-'),
  mul: infix('*'),
  div: fn('IEEE_DIVIDE'),
  mod: (call) => (call.expr.type.kind === 'INT64' ? fn('MOD')(call) : floatMod(call)),
  neg: ({ args }) => paren(`-${args[0]}`),
  abs: fn('ABS'),
  floor: (call) => toResultType(call, `FLOOR(${call.args[0]})`),
  ceil: (call) => toResultType(call, `CEIL(${call.args[0]})`),
  sqrt: ({ args: [x] }) => `CASE WHEN ${x} < 0 THEN ${NAN} ELSE SQRT(${x}) END`,
  pow: fn('POW'),
  sign: fn('SIGN'),
  trunc: fn('TRUNC'),
  round_half_up: (call) =>
    isFloat(call.expr.args[0]) ? toResultType(call, roundHalfUp(call.args[0]!, (x) => `FLOOR(${x})`, (x) => `CEIL(${x})`, call.syntax.backslashEscapes)) : call.args[0]!,
  // GoogleSQL LEAST / GREATEST already return NULL for any NULL argument and NaN for any NaN.
  least: fn('LEAST'),
  greatest: fn('GREATEST'),
  concat: fn('CONCAT'),
  lower: fn('LOWER'),
  upper: fn('UPPER'),
  trim: trimmer(`^${ws}|${ws}$`),
  trim_start: trimmer(`^${ws}`),
  trim_end: trimmer(`${ws}$`),
  contains: ({ args: [s, sub] }) => paren(`STRPOS(${s}, ${sub}) > 0`),
  starts_with: fn('STARTS_WITH'),
  ends_with: fn('ENDS_WITH'),
  substr: fn('SUBSTR'),
  replace_all: fn('REPLACE'),
  regexp_replace: regexpReplace,
  regexp_contains: (call) => {
    const pattern = call.expr.args[1];
    const p = pattern?.k === 'lit' && typeof pattern.value === 'string' ? regex(pattern.value) : call.args[1];
    return `REGEXP_CONTAINS(${call.args[0]}, ${p})`;
  },
  split: fn('SPLIT'),
  utf16_length: ({ args: [s] }) => paren(`CHAR_LENGTH(${s}) + CHAR_LENGTH(REGEXP_REPLACE(${s}, ${regex(`[^${ASTRAL_CLASS.slice(1)}`)}, ''))`),
  char_length: fn('CHAR_LENGTH'),
  lpad: pad('LPAD'),
  rpad: pad('RPAD'),
  strpos: fn('STRPOS'),
  ...conversions,
  array_length: fn('ARRAY_LENGTH'),
  array_contains: ({ args: [arr, x] }) => paren(`${x} IN UNNEST(${arr})`),
  array_at: ({ args: [arr, i] }) => `${arr}[SAFE_OFFSET(${i})]`,
  trunc_day: ({ args }) => `TIMESTAMP_TRUNC(${args[0]}, DAY, 'UTC')`,
  trunc_week: ({ args }) => `TIMESTAMP_TRUNC(${args[0]}, ISOWEEK, 'UTC')`,
  trunc_month: ({ args }) => `TIMESTAMP_TRUNC(${args[0]}, MONTH, 'UTC')`,
  diff_seconds: diffIn(1_000_000),
  diff_days: diffIn(86_400_000_000),
  add_seconds: (call) =>
    call.expr.args[1]?.type.kind === 'INT64'
      ? `TIMESTAMP_ADD(${call.args[0]}, INTERVAL ${call.args[1]} SECOND)`
      : // new Date(ms + s * 1000) drops the fraction of the total (floor after 1970)
        `TIMESTAMP_ADD(${call.args[0]}, INTERVAL CAST(FLOOR(${call.args[1]} * 1000) AS INT64) MILLISECOND)`,
  year: extract('YEAR'),
  month: extract('MONTH'),
  day_of_month: extract('DAY'),
  // DAYOFWEEK is Sunday = 1 … Saturday = 7; ISO is Monday = 1 … Sunday = 7.
  iso_day_of_week: ({ args }) => paren(`MOD(EXTRACT(DAYOFWEEK FROM ${args[0]} AT TIME ZONE 'UTC') + 5, 7) + 1`),
  hour: extract('HOUR'),
  to_date: ({ args }) => `DATE(${args[0]}, 'UTC')`,
  // Rounded down, like time.unixSeconds.
  unix_seconds: fn('UNIX_SECONDS'),
  // Rounded down, like Date#getTime on a microsecond timestamp.
  unix_millis: fn('UNIX_MILLIS'),
  // First 16 hex digits of MD5 over the UTF-8 bytes: identical in DuckDB and node:crypto.
  hash_hex: ({ args }) => `SUBSTR(TO_HEX(MD5(${args[0]})), 1, 16)`,
};
