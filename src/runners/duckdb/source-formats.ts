/**
 * Stages a data file into a temporary table, one reader per format, and says how to read a
 * column's raw value from that table. Structural problems (a CSV row with too few fields,
 * a line that is not JSON) are reported here, at the file's line.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { SluiceError } from '../../sdk/errors.js';
import type { SqlType } from '../../sdk/schema.js';
import type { SourceFile, SourceFormat } from './source-files.js';
import type { RawKind } from './source-values.js';
import { ident, str } from './sql.js';

/** How to read one column's raw value from the staging table. */
export interface ColumnInput {
  /** SQL expression; NULL exactly when the value is null or absent. */
  readonly raw: string;
  readonly kind: RawKind;
  /** The value as the user wrote it, for error messages. */
  readonly display: string;
  /** True for values of the wrong shape for a scalar column (NDJSON objects and arrays). */
  readonly notScalar?: string;
}

export interface FormatReader {
  /** Creates temp table `table` from the file; returns the column (or key) names found. */
  stage(conn: DuckDBConnection, file: string, table: string): Promise<string[]>;
  input(column: string, type: SqlType): ColumnInput;
  /** How a staged row index maps to a line of the file; `none` for binary formats. */
  readonly lines: 'csv' | 'ndjson' | 'none';
}

const csv: FormatReader = {
  lines: 'csv',
  async stage(conn, file, table) {
    const rejects = `${table}_rejects`;
    // Every cell is read as text so that the conversion to the declared types, and its
    // errors, are ours. Quoted empty strings stay empty strings; unquoted empty is NULL.
    await run(conn, file, `CREATE TEMP TABLE ${ident(table)} AS SELECT * FROM read_csv(${str(file)},
      header = true, all_varchar = true, delim = ',', quote = '"', escape = '"',
      allow_quoted_nulls = false, store_rejects = true,
      rejects_table = ${str(rejects)}, rejects_scan = ${str(`${rejects}_scan`)})`);
    const bad = await conn.runAndReadAll(
      `SELECT line, error_type, csv_line, error_message FROM ${ident(rejects)} ORDER BY line LIMIT 1`,
    );
    await conn.run(`DROP TABLE IF EXISTS ${ident(rejects)}; DROP TABLE IF EXISTS ${ident(`${rejects}_scan`)}`);
    const row = bad.getRowObjectsJS()[0];
    if (row) {
      throw new SluiceError(`${String(row.error_message)}\n  line: ${String(row.csv_line)}`, {
        file,
        line: Number(row.line),
        column: 1,
      }, 'every row needs one field per header column; quote fields containing commas, quotes or newlines');
    }
    return columnsOf(conn, table);
  },
  input: (column) => ({ raw: ident(column), kind: 'text', display: ident(column) }),
};

const ndjson: FormatReader = {
  lines: 'ndjson',
  async stage(conn, file, table) {
    await run(conn, file, `CREATE TEMP TABLE ${ident(table)} AS
      SELECT json FROM read_json_objects(${str(file)}, format = 'newline_delimited')`);
    const notObject = await conn.runAndReadAll(
      `SELECT rowid AS r, CAST(json AS VARCHAR) AS v FROM ${ident(table)} WHERE json_type(json) <> 'OBJECT' ORDER BY rowid LIMIT 1`,
    );
    const row = notObject.getRowObjectsJS()[0];
    if (row) throw new NotAnObject(Number(row.r), String(row.v));
    const keys = await conn.runAndReadAll(
      `SELECT k FROM (SELECT unnest(json_keys(json)) AS k, rowid AS r FROM ${ident(table)}) GROUP BY k ORDER BY min(r), k`,
    );
    return keys.getRowObjectsJS().map((r) => String(r.k));
  },
  input(column, type) {
    const value = `(json -> ${str(`$."${column}"`)})`;
    const present = `json_type(${value}) <> 'NULL'`;
    const nested = type.kind === 'ARRAY' || type.kind === 'STRUCT' || type.kind === 'JSON';
    return nested
      ? { raw: `CASE WHEN ${present} THEN ${value} END`, kind: 'json', display: `CAST(${value} AS VARCHAR)` }
      : {
          raw: `CASE WHEN ${present} THEN json ->> ${str(`$."${column}"`)} END`,
          kind: 'text',
          display: `CAST(${value} AS VARCHAR)`,
          notScalar: `json_type(${value}) IN ('OBJECT', 'ARRAY')`,
        };
  },
};

const parquet: FormatReader = {
  lines: 'none',
  async stage(conn, file, table) {
    await run(conn, file, `CREATE TEMP TABLE ${ident(table)} AS SELECT * FROM read_parquet(${str(file)})`);
    return columnsOf(conn, table);
  },
  input: (column) => ({ raw: ident(column), kind: 'native', display: `CAST(${ident(column)} AS VARCHAR)` }),
};

export const readers: Readonly<Record<SourceFormat, FormatReader>> = { csv, ndjson, parquet };

/** An NDJSON line holding something other than an object; the loader adds the line number. */
export class NotAnObject extends Error {
  constructor(
    readonly row: number,
    readonly value: string,
  ) {
    super(`expected a JSON object per line, got ${value}`);
  }
}

async function columnsOf(conn: DuckDBConnection, table: string): Promise<string[]> {
  const result = await conn.runAndReadAll(`SELECT * FROM ${ident(table)} LIMIT 0`);
  return result.columnNames();
}

/** Runs a reader statement, turning DuckDB's reader errors into errors at the file. */
async function run(conn: DuckDBConnection, file: string, sql: string): Promise<void> {
  try {
    await conn.run(sql);
  } catch (e) {
    const message = (e as Error).message;
    const line = /\bline:? (\d+)/i.exec(message);
    const first = message.split('\n').filter((l) => l.trim())[0] ?? message;
    throw new SluiceError(`cannot read ${file}: ${first}`, line ? { file, line: Number(line[1]), column: 1 } : undefined);
  }
}
