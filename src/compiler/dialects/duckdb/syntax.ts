/**
 * DuckDB spelling: double-quoted identifiers, standard SQL string literals (no backslash
 * escapes; control characters spliced in with chr()), DuckDB type names, and explicit
 * NULLS FIRST / NULLS LAST (DuckDB's default puts NULLs last ascending).
 */
import type { CallSite } from '../../../sdk/callsite.js';
import { SluiceError } from '../../../sdk/errors.js';
import type { SqlType } from '../../../sdk/schema.js';
import type { LiteralValue } from '../../ir/expr.js';
import { CONTROL_CHAR, dateText, finiteFloatText, integerText, utcTimestampText } from '../shared/literals.js';
import type { SqlSyntax } from '../shared/sql-spec.js';

/**
 * Keywords DuckDB cannot take as unquoted column names: its `reserved` and `type_function`
 * categories (see duckdb_keywords(); a test keeps this list in step with the engine).
 */
export const DUCKDB_RESERVED = new Set(
  `all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create
  default deferrable desc describe distinct do else end except false fetch for foreign from group having in
  initially intersect into lambda lateral leading limit not null offset on only or order pivot pivot_longer
  pivot_wider placing primary qualify references returning select show some summarize symmetric table then to
  trailing true union unique unpivot using variadic when where window with
  anti asof at authorization binary by collation columns concurrently cross freeze full generated glob ilike
  inner is isnull join left like map natural notnull outer overlaps positional right semi similar struct
  tablesample try_cast unpack verbose`.split(/\s+/),
);

/** Always-quoted identifier. */
export function quote(name: string): string {
  if (name.includes('\u0000')) throw new SluiceError(`identifier contains a NUL character: ${JSON.stringify(name)}`);
  return `"${name.replaceAll('"', '""')}"`;
}

/** Unquoted only for lowercase plain names: DuckDB matches unquoted names case-insensitively. */
export function ident(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) && !DUCKDB_RESERVED.has(name) ? name : quote(name);
}

/** `'it''s'`; control characters become `chr(n)` so the SQL text stays one line and visible. */
export function stringLiteral(value: string): string {
  if (value.includes('\u0000')) throw new SluiceError(`string literal contains a NUL character: ${JSON.stringify(value)}`);
  const parts: string[] = [];
  let run = '';
  for (const ch of value) {
    if (CONTROL_CHAR.test(ch)) {
      if (run) parts.push(`'${run}'`);
      run = '';
      parts.push(`chr(${ch.codePointAt(0)})`);
    } else {
      run += ch === "'" ? "''" : ch;
    }
  }
  if (run || parts.length === 0) parts.push(`'${run}'`);
  return parts.length === 1 ? parts[0]! : `(${parts.join(' || ')})`;
}

export function typeName(type: SqlType): string {
  switch (type.kind) {
    case 'STRING':
      return 'VARCHAR';
    case 'INT64':
      return 'BIGINT';
    case 'FLOAT64':
      return 'DOUBLE';
    case 'NUMERIC':
      return 'DECIMAL(38, 9)';
    case 'BOOL':
      return 'BOOLEAN';
    case 'DATE':
    case 'TIMESTAMP': // UTC wall-clock time; TIMESTAMPTZ would follow the session time zone
    case 'JSON':
      return type.kind;
    case 'ARRAY':
      return `${typeName(type.element!)}[]`;
    case 'STRUCT':
      return `STRUCT(${type.fields!.map((f) => `${ident(f.name)} ${typeName(f.type)}`).join(', ')})`;
  }
}

function floatLiteral(value: number): string {
  if (Number.isNaN(value)) return "'NaN'::DOUBLE";
  if (value === Infinity) return "'Infinity'::DOUBLE";
  if (value === -Infinity) return "'-Infinity'::DOUBLE";
  // Without the cast DuckDB reads `0.1` as DECIMAL, and 0.1 + 0.2 would be exactly 0.3.
  return `${finiteFloatText(value)}::DOUBLE`;
}

function literal(value: LiteralValue, type: SqlType, site: CallSite): string {
  if (value === null) return `CAST(NULL AS ${typeName(type)})`;
  switch (type.kind) {
    case 'STRING':
      return stringLiteral(String(value));
    case 'BOOL':
      return value ? 'TRUE' : 'FALSE';
    case 'INT64':
      return integerText(Number(value), site);
    case 'FLOAT64':
      return floatLiteral(Number(value));
    case 'NUMERIC':
      return `CAST(${stringLiteral(String(value))} AS DECIMAL(38, 9))`;
    case 'DATE':
      return `DATE ${stringLiteral(dateText(String(value), site))}`;
    case 'TIMESTAMP':
      return `TIMESTAMP ${stringLiteral(utcTimestampText(String(value), site))}`;
    case 'JSON':
      return `CAST(${stringLiteral(String(value))} AS JSON)`;
    default:
      throw new SluiceError(`cannot write a ${type.kind} literal`, site);
  }
}

export const duckdbSyntax: SqlSyntax = {
  name: 'duckdb',
  backslashEscapes: false,
  ident,
  quote,
  stringLiteral,
  regexLiteral: stringLiteral,
  typeName,
  literal,
  struct: (fields) => `struct_pack(${fields.map((f) => `${ident(f.name)} := ${f.sql}`).join(', ')})`,
  array: (items, type) => (items.length ? `[${items.join(', ')}]` : `CAST([] AS ${typeName(type)})`),
  orderItem: (sql, desc) => `${sql} ${desc ? 'DESC NULLS LAST' : 'ASC NULLS FIRST'}`,
  isNan: (sql) => `isnan(${sql})`,
};
