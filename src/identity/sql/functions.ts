/**
 * The handful of SQL functions whose spelling differs between DuckDB and BigQuery, as used
 * by the identity building blocks. Regex patterns are RE2 on both engines; keep them free of
 * backslashes where a character class will do (`[.]`, `[+]`), so literals read the same.
 */
import type { Quoting } from '../../compiler/ir/program.js';
import { bigqueryQuoting, duckdbQuoting } from '../../compiler/programs/quoting.js';

export interface SqlFunctions extends Quoting {
  readonly name: 'duckdb' | 'bigquery';
  /** Replaces every match of `pattern`. */
  regexReplaceAll(expr: string, pattern: string, replacement: string): string;
  /** TRUE when `pattern` matches anywhere in the value. */
  regexContains(expr: string, pattern: string): string;
  /** The first capture group of `pattern`, or NULL. */
  regexExtract(expr: string, pattern: string): string;
}

export const duckdbFunctions: SqlFunctions = {
  name: 'duckdb',
  ...duckdbQuoting,
  regexReplaceAll: (e, p, r) => `regexp_replace(${e}, ${duckdbQuoting.stringLiteral(p)}, ${duckdbQuoting.stringLiteral(r)}, 'g')`,
  regexContains: (e, p) => `regexp_matches(${e}, ${duckdbQuoting.stringLiteral(p)})`,
  regexExtract: (e, p) => `NULLIF(regexp_extract(${e}, ${duckdbQuoting.stringLiteral(p)}, 1), '')`,
};

export const bigqueryFunctions: SqlFunctions = {
  name: 'bigquery',
  ...bigqueryQuoting,
  regexReplaceAll: (e, p, r) => `REGEXP_REPLACE(${e}, ${bigqueryQuoting.stringLiteral(p)}, ${bigqueryQuoting.stringLiteral(r)})`,
  regexContains: (e, p) => `REGEXP_CONTAINS(${e}, ${bigqueryQuoting.stringLiteral(p)})`,
  regexExtract: (e, p) => `REGEXP_EXTRACT(${e}, ${bigqueryQuoting.stringLiteral(p)})`,
};
