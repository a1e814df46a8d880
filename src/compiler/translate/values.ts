/**
 * What translating a piece of lambda source yields: usually an Expr, sometimes a value that
 * only certain constructs may consume (a whole row, a regex literal, a `desc(...)` key).
 */
import type { Node } from 'ts-morph';
import type { SqlField } from '../../sdk/schema.js';
import type { Expr } from '../ir/expr.js';

/** A lambda parameter standing for a whole input row (or the rest of a destructured one). */
export interface RowVal {
  readonly k: 'row';
  readonly fields: readonly SqlField[];
  /** The relation of its columns ('left' / 'right' in joins). */
  readonly rel?: string;
}

/** A regex literal, already rewritten to RE2 syntax with JavaScript semantics. */
export interface RegexVal {
  readonly k: 'regex';
  readonly pattern: string;
  readonly global: boolean;
  /** Number of capturing groups, for checking `$n` in replacements. */
  readonly groups: number;
  readonly node: Node;
}

/** `desc(x)`: only meaningful as a key of an ordering lambda. */
export interface DescVal {
  readonly k: 'desc';
  readonly expr: Expr;
  readonly node: Node;
}

export type Val = Expr | RowVal | RegexVal | DescVal;

export function isExpr(v: Val): v is Expr {
  return v.k !== 'row' && v.k !== 'regex' && v.k !== 'desc';
}

/** Reads a column of a row value. */
export function rowColumn(row: RowVal, field: SqlField): Expr {
  return { k: 'col', name: field.name, ...(row.rel !== undefined ? { rel: row.rel } : {}), type: field.type };
}
