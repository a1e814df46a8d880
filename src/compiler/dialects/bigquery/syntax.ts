/**
 * GoogleSQL spelling: backtick identifiers, backslash-escaped string literals, BigQuery
 * type names, and ORDER BY items without NULLS clauses (GoogleSQL's defaults, NULLs first
 * ascending and last descending, are the house order, and aggregate ORDER BY accepts no
 * NULLS clause).
 */
import type { CallSite } from '../../../sdk/callsite.js';
import { SluiceError } from '../../../sdk/errors.js';
import type { SqlType } from '../../../sdk/schema.js';
import type { LiteralValue } from '../../ir/expr.js';
import { CONTROL_CHAR, dateText, finiteFloatText, integerText, utcTimestampText } from '../shared/literals.js';
import type { SqlSyntax } from '../shared/sql-spec.js';

/** GoogleSQL reserved keywords: these need backticks as identifiers. */
const RESERVED = new Set(
  `ALL AND ANY ARRAY AS ASC ASSERT_ROWS_MODIFIED AT BETWEEN BY CASE CAST COLLATE CONTAINS CREATE CROSS CUBE
  CURRENT DEFAULT DEFINE DESC DISTINCT ELSE END ENUM ESCAPE EXCEPT EXCLUDE EXISTS EXTRACT FALSE FETCH FOLLOWING
  FOR FROM FULL GROUP GROUPING GROUPS HASH HAVING IF IGNORE IN INNER INTERSECT INTERVAL INTO IS JOIN LATERAL LEFT
  LIKE LIMIT LOOKUP MERGE NATURAL NEW NO NOT NULL NULLS OF ON OR ORDER OUTER OVER PARTITION PRECEDING PROTO
  QUALIFY RANGE RECURSIVE RESPECT RIGHT ROLLUP ROWS SELECT SET SOME STRUCT TABLESAMPLE THEN TO TREAT TRUE
  UNBOUNDED UNION UNNEST USING WHEN WHERE WINDOW WITH WITHIN`.split(/\s+/),
);

/** Escapes text for a quoted GoogleSQL token (string literal or backtick identifier). */
function escapeQuoted(value: string, quote: "'" | '`'): string {
  let out = '';
  for (const ch of value) {
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (CONTROL_CHAR.test(ch)) out += `\\u${ch.codePointAt(0)!.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${quote}${out}${quote}`;
}

/** Always-quoted identifier. */
export function quote(name: string): string {
  return escapeQuoted(name, '`');
}

export function ident(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !RESERVED.has(name.toUpperCase()) ? name : quote(name);
}

export function stringLiteral(value: string): string {
  return escapeQuoted(value, "'");
}

/** Raw strings keep regexes readable (`r'\d+'`); fall back to escaping when they cannot. */
function regexLiteral(pattern: string): string {
  return /['\\]$|'|[\r\n]/.test(pattern) || CONTROL_CHAR.test(pattern) ? stringLiteral(pattern) : `r'${pattern}'`;
}

export function typeName(type: SqlType): string {
  switch (type.kind) {
    case 'ARRAY':
      return `ARRAY<${typeName(type.element!)}>`;
    case 'STRUCT':
      return `STRUCT<${type.fields!.map((f) => `${ident(f.name)} ${typeName(f.type)}`).join(', ')}>`;
    default:
      return type.kind;
  }
}

function floatLiteral(value: number): string {
  if (Number.isNaN(value)) return "CAST('NaN' AS FLOAT64)";
  if (value === Infinity) return "CAST('inf' AS FLOAT64)";
  if (value === -Infinity) return "CAST('-inf' AS FLOAT64)";
  return finiteFloatText(value);
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
      return `NUMERIC ${stringLiteral(String(value))}`;
    case 'DATE':
      return `DATE ${stringLiteral(dateText(String(value), site))}`;
    case 'TIMESTAMP':
      return `TIMESTAMP ${stringLiteral(`${utcTimestampText(String(value), site)}+00`)}`;
    case 'JSON':
      return `JSON ${stringLiteral(String(value))}`;
    default:
      throw new SluiceError(`cannot write a ${type.kind} literal`, site);
  }
}

export const bigquerySyntax: SqlSyntax = {
  name: 'bigquery',
  backslashEscapes: true,
  ident,
  quote,
  stringLiteral,
  regexLiteral,
  typeName,
  literal,
  struct: (fields) => `STRUCT(${fields.map((f) => `${f.sql} AS ${ident(f.name)}`).join(', ')})`,
  array: (items, type) => `${typeName(type)}[${items.join(', ')}]`,
  // GoogleSQL sorts NaN below every number; JS (the DirectRunner) above +Infinity. IS_NAN
  // first puts NaN last ascending (NULL, whose IS_NAN is NULL, stays first) and first descending.
  orderItem: (sql, desc, _context, type) => {
    const item = `${sql}${desc ? ' DESC' : ''}`;
    return type.kind === 'FLOAT64' ? `IS_NAN(${sql})${desc ? ' DESC' : ''}, ${item}` : item;
  },
  isNan: (sql) => `IS_NAN(${sql})`,
};
