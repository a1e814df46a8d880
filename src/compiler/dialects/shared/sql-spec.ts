/**
 * What a SQL dialect plugs into the shared emitter (Kysely-style hooks plus Ibis-style
 * mapping tables). The shared visitor knows SQL's shape (SELECT blocks, CTEs, comments);
 * a dialect knows spelling: quoting, literals, type names, and one text builder per
 * operation, aggregate and window function.
 */
import type { CallSite } from '../../../sdk/callsite.js';
import type { SqlType } from '../../../sdk/schema.js';
import type { Expr, LiteralValue, OpName } from '../../ir/expr.js';
import type { AggCall, AggFn, WindowCall, WindowFn } from '../../ir/rel.js';
import type { DialectName } from '../dialect.js';

/** Spelling hooks: every identifier and literal in emitted SQL goes through these. */
export interface SqlSyntax {
  readonly name: DialectName;
  /** True when `\'` escapes a quote inside literals (BigQuery); false when quotes double (DuckDB). */
  readonly backslashEscapes: boolean;
  /** An identifier, quoted only when it must be (keyword, unusual characters, case). */
  ident(name: string): string;
  /** An identifier, always quoted: table path parts. */
  quote(name: string): string;
  stringLiteral(value: string): string;
  /** A regular-expression pattern literal (RE2 syntax in both dialects). */
  regexLiteral(pattern: string): string;
  typeName(type: SqlType): string;
  /** Any literal, NULL included (typed, so unions and CTAS keep their column types). */
  literal(value: LiteralValue, type: SqlType, site: CallSite): string;
  struct(fields: readonly { readonly name: string; readonly sql: string }[], type: SqlType): string;
  array(items: readonly string[], type: SqlType): string;
  /**
   * One ORDER BY item with the house ordering: NULLs first ascending, last descending, and
   * for FLOAT64 (`type`) NaN above +Infinity, as the DirectRunner sorts.
   */
  orderItem(sql: string, desc: boolean, context: 'aggregate' | 'window', type: SqlType): string;
  /** `IS_NAN(x)` / `isnan(x)`: used by the shared NaN guards. */
  isNan(sql: string): string;
}

/** A call to an IR operation, as handed to a dialect's builder. */
export interface OpCall {
  readonly op: OpName;
  readonly expr: Extract<Expr, { k: 'op' }>;
  /** The rendered arguments. */
  readonly args: readonly string[];
  readonly syntax: SqlSyntax;
  /** Throws a SluiceError at the expression's site. */
  fail(problem: string, hint?: string): never;
}

export type OpBuilder = (call: OpCall) => string;
/** Partial on purpose: a missing entry is a compile error at the expression's site. */
export type OpTable = Partial<Record<OpName, OpBuilder>>;

export interface AggBuilderCall {
  readonly agg: AggCall;
  /** The rendered argument; fails when the aggregate has none. */
  arg(): string;
  argType(): SqlType;
  /** The rendered ORDER BY list (without the keywords); `reverse` flips every item. */
  order(reverse?: boolean): string;
  readonly syntax: SqlSyntax;
  fail(problem: string, hint?: string): never;
}

export type AggBuilder = (call: AggBuilderCall) => string;
export type AggTable = Partial<Record<AggFn, AggBuilder>>;

export interface WindowBuilderCall {
  readonly win: WindowCall;
  arg(): string;
  /**
   * The OVER clause: `ordered` = partition + order, `running` = plus a ROWS frame up to the
   * current row, `partition` = the whole partition, order ignored.
   */
  over(frame: 'ordered' | 'running' | 'partition'): string;
  readonly syntax: SqlSyntax;
  fail(problem: string, hint?: string): never;
}

export type WindowBuilder = (call: WindowBuilderCall) => string;
export type WindowTable = Partial<Record<WindowFn, WindowBuilder>>;

/** How a dialect spells `FROM input, UNNEST(array)` with the element and its 0-based offset. */
export interface UnnestSyntax {
  /** The join clause that follows `FROM <input> AS <inputAlias>`. */
  join(array: string): string;
  readonly elem: string;
  readonly offset: string;
}

export interface DialectSpec {
  readonly syntax: SqlSyntax;
  readonly ops: OpTable;
  readonly aggs: AggTable;
  readonly windows: WindowTable;
  readonly unnest: UnnestSyntax;
  /** BigQuery rejects QUALIFY without WHERE / GROUP BY / HAVING. */
  readonly qualifyNeedsWhere: boolean;
}

/** Options shared by the dialect factories. */
export interface DialectOptions {
  /** Root that call-site paths in step comments are relative to; default: process.cwd() at render time. */
  readonly relativeTo?: string;
}
