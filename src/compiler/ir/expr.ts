/**
 * Scalar expression IR: dialect-neutral, immutable, typed.
 *
 * The translator produces it from lambdas (already shaped to reproduce JavaScript semantics);
 * dialects render it through their mapping tables. An `op` a dialect does not map is a
 * compile error at the expression's call site, by construction.
 */
import type { CallSite } from '../../sdk/callsite.js';
import type { SqlType } from '../../sdk/schema.js';

/**
 * Dialect-neutral operations. Semantics are SQL's (NULL in → NULL out unless noted);
 * the translator composes them to match JavaScript.
 */
export const OPS = {
  // arithmetic (FLOAT64 unless both sides INT64 for add/sub/mul)
  add: 2, sub: 2, mul: 2,
  /** IEEE division: x/0 is ±Infinity or NaN, never an error. Always FLOAT64. */
  div: 2,
  /** Remainder with the sign of the dividend (JS `%`), IEEE for floats. */
  mod: 2,
  neg: 1, abs: 1, floor: 1, ceil: 1, pow: 2, sign: 1,
  /** JS Math.sqrt: NaN for negative input (never an error). */
  sqrt: 1,
  /** JS Math.trunc: toward zero (FLOAT64 in, FLOAT64 out; NaN / ±Infinity pass through). */
  trunc: 1,
  /** JS Math.round: halves round toward +Infinity. */
  round_half_up: 1,
  /** NULL if any argument is NULL, else the smallest / largest (NaN wins, as in JS). */
  least: -1, greatest: -1,
  // comparison
  /** As JS `===` / `<` on numbers: IEEE (NaN equals nothing, -0 = 0). Strings compare by code point. */
  eq: 2, neq: 2, lt: 2, le: 2, gt: 2, ge: 2,
  /** Null-safe equality (IS NOT DISTINCT FROM) and its negation. */
  not_distinct: 2, is_distinct: 2,
  is_null: 1, is_not_null: 1,
  /** `args[0] IN (args[1..])`; the list items are literals (the translator guards a NULL args[0]). */
  in: -1,
  // logic (SQL three-valued)
  and: -1, or: -1, not: 1,
  coalesce: -1,
  // strings (lengths and positions in code points unless named utf16)
  concat: -1, lower: 1, upper: 1,
  /** Trim JS whitespace (not only spaces) from both ends / start / end. */
  trim: 1, trim_start: 1, trim_end: 1,
  contains: 2, starts_with: 2, ends_with: 2,
  /** 1-based start, optional length: SQL SUBSTR. The translator guarantees start >= 1 and length >= 0. */
  substr: -1,
  /** Replace every occurrence of a literal string. */
  replace_all: 3,
  /**
   * Regex replace: args = [value, pattern literal, replacement literal, global(bool literal)].
   * The pattern is RE2 syntax with JS meaning already encoded by the translator (`(?i)` prefix
   * for the `i` flag). The replacement is in JavaScript syntax: `$$` (a dollar), `$&` (the
   * match) and `$1`..`$99` (groups that exist in the pattern) are the only `$` patterns it
   * contains; any other character, including a backslash, is literal. Dialects translate it.
   * `global` false replaces the first match only.
   */
  regexp_replace: 4,
  /** args = [value, RE2 pattern literal] (see regexp_replace). */
  regexp_contains: 2,
  /** JS `s.split(sep)` with a non-empty literal separator: '' gives [''] (one empty element). */
  split: 2,
  /** Length in UTF-16 code units, as JS `.length`. */
  utf16_length: 1,
  char_length: 1,
  /** SQL LPAD / RPAD (args = [value, width, fill literal]); only emitted when value is shorter than width. */
  lpad: 3, rpad: 3,
  /** 1-based position of a substring, 0 when absent. */
  strpos: 2,
  // conversions (JS semantics: number → shortest round-trip string, etc.)
  /**
   * JS `String(x)`: numbers as JS prints them (shortest round-trip, `1e+21`, `NaN`,
   * `Infinity`, `-0` → `0`), BOOL as 'true' / 'false', DATE as 'YYYY-MM-DD'.
   */
  to_string: 1,
  /** JS `Number(s)` of a STRING: trims JS whitespace; '' → 0; decimal, exponent, `0x` / `0o` / `0b`, `Infinity` forms; anything else NaN. */
  to_float: 1,
  /** BOOL → 0 / 1. */
  to_int: 1,
  /** JS truthiness of a number: false for 0, -0 and NaN. */
  to_bool: 1,
  // arrays
  array_length: 1, array_contains: 2,
  /** `arr[i]`: args = [array, 0-based INT64 index]; NULL when out of range (undefined in JS). */
  array_at: 2,
  // timestamps (UTC)
  trunc_day: 1, trunc_week: 1, trunc_month: 1,
  diff_seconds: 2, diff_days: 2, add_seconds: 2,
  year: 1, month: 1, day_of_month: 1, iso_day_of_week: 1, hour: 1,
  to_date: 1, unix_seconds: 1,
  /** JS `ts.getTime()`: INT64 milliseconds since the epoch, sub-millisecond part floored. */
  unix_millis: 1,
  /** Stable 64-bit-ish hash of a string, for ids: hex string. */
  hash_hex: 1,
} as const;

export type OpName = keyof typeof OPS;

export type LiteralValue = string | number | boolean | null;

export type Expr =
  /** A column of an input relation. `rel` names the input for joins ('left' / 'right'). */
  | { readonly k: 'col'; readonly name: string; readonly rel?: string; readonly type: SqlType }
  /** A literal. TIMESTAMP literals are ISO strings, DATE literals `YYYY-MM-DD`. */
  | { readonly k: 'lit'; readonly value: LiteralValue; readonly type: SqlType }
  | { readonly k: 'op'; readonly op: OpName; readonly args: readonly Expr[]; readonly type: SqlType; readonly site?: CallSite }
  | {
      readonly k: 'case';
      readonly whens: readonly { readonly when: Expr; readonly then: Expr }[];
      readonly else: Expr;
      readonly type: SqlType;
    }
  | { readonly k: 'struct'; readonly fields: readonly NamedExpr[]; readonly type: SqlType }
  | { readonly k: 'array'; readonly items: readonly Expr[]; readonly type: SqlType }
  /** Field of a STRUCT value. */
  | { readonly k: 'field'; readonly of: Expr; readonly name: string; readonly type: SqlType }
  /** The current element of an UNNEST (flatMap), and its 0-based offset. */
  | { readonly k: 'elem'; readonly type: SqlType }
  | { readonly k: 'elem_offset'; readonly type: SqlType };

export interface NamedExpr {
  readonly name: string;
  readonly expr: Expr;
}

export interface OrderItem {
  readonly expr: Expr;
  readonly desc: boolean;
}

export const ty = {
  string: (nullable = false): SqlType => ({ kind: 'STRING', nullable }),
  int64: (nullable = false): SqlType => ({ kind: 'INT64', nullable }),
  float64: (nullable = false): SqlType => ({ kind: 'FLOAT64', nullable }),
  bool: (nullable = false): SqlType => ({ kind: 'BOOL', nullable }),
  timestamp: (nullable = false): SqlType => ({ kind: 'TIMESTAMP', nullable }),
  date: (nullable = false): SqlType => ({ kind: 'DATE', nullable }),
};

export function withNullable(type: SqlType, nullable: boolean): SqlType {
  return type.nullable === nullable ? type : { ...type, nullable };
}

/** Visits every sub-expression depth-first (pre-order). */
export function walkExpr(expr: Expr, visit: (e: Expr) => void): void {
  visit(expr);
  switch (expr.k) {
    case 'op':
      expr.args.forEach((a) => walkExpr(a, visit));
      break;
    case 'case':
      expr.whens.forEach((w) => {
        walkExpr(w.when, visit);
        walkExpr(w.then, visit);
      });
      walkExpr(expr.else, visit);
      break;
    case 'struct':
      expr.fields.forEach((f) => walkExpr(f.expr, visit));
      break;
    case 'array':
      expr.items.forEach((i) => walkExpr(i, visit));
      break;
    case 'field':
      walkExpr(expr.of, visit);
      break;
    default:
      break;
  }
}

/** Rebuilds an expression bottom-up, replacing nodes for which `replace` returns a value. */
export function mapExpr(expr: Expr, replace: (e: Expr) => Expr | undefined): Expr {
  const direct = replace(expr);
  if (direct) return direct;
  switch (expr.k) {
    case 'op':
      return { ...expr, args: expr.args.map((a) => mapExpr(a, replace)) };
    case 'case':
      return {
        ...expr,
        whens: expr.whens.map((w) => ({ when: mapExpr(w.when, replace), then: mapExpr(w.then, replace) })),
        else: mapExpr(expr.else, replace),
      };
    case 'struct':
      return { ...expr, fields: expr.fields.map((f) => ({ name: f.name, expr: mapExpr(f.expr, replace) })) };
    case 'array':
      return { ...expr, items: expr.items.map((i) => mapExpr(i, replace)) };
    case 'field':
      return { ...expr, of: mapExpr(expr.of, replace) };
    default:
      return expr;
  }
}

/** Columns an expression reads, as `rel.name` (or `name` without a relation). */
export function columnsOf(expr: Expr): Set<string> {
  const out = new Set<string>();
  walkExpr(expr, (e) => {
    if (e.k === 'col') out.add(e.rel ? `${e.rel}.${e.name}` : e.name);
  });
  return out;
}
