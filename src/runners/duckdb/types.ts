/** Sluice SQL types as DuckDB column types. */
import type { SqlType } from '../../sdk/schema.js';
import { ident } from './sql.js';

/**
 * The DuckDB type storing values of `type`. TIMESTAMP is a plain TIMESTAMP holding UTC
 * wall-clock time (DuckDB's TIMESTAMPTZ would depend on the session time zone).
 */
export function duckdbType(type: SqlType): string {
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
      return 'DATE';
    case 'TIMESTAMP':
      return 'TIMESTAMP';
    case 'JSON':
      return 'JSON';
    case 'ARRAY':
      return `${duckdbType(type.element!)}[]`;
    case 'STRUCT':
      return `STRUCT(${type.fields!.map((f) => `${ident(f.name)} ${duckdbType(f.type)}`).join(', ')})`;
  }
}
