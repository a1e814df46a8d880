/**
 * Loads each source's data file into DuckDB table `src.<name>` with its declared column
 * types, refusing files that do not match the declaration: missing columns, values that do
 * not convert, NULLs in NOT NULL columns. Extra columns are ignored with a warning (sources
 * usually carry more columns than a pipeline reads).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { DUCKDB_SOURCE_SCHEMA } from '../../deploy/environments/table-names.js';
import type { CompiledSource } from '../../compiler/artifact/types.js';
import { SluiceError } from '../../sdk/errors.js';
import type { CallSite } from '../../sdk/callsite.js';
import { typeToString } from '../../sdk/schema.js';
import { csvRowLines, ndjsonRowLines } from './record-lines.js';
import { findSourceFile, listDataDir, type SourceFile } from './source-files.js';
import { NotAnObject, readers, type FormatReader } from './source-formats.js';
import { isBadValue, parseValue } from './source-values.js';
import { ident, qualified, str } from './sql.js';
import { duckdbType } from './types.js';

export interface LoadedSource {
  readonly name: string;
  readonly file: string;
  readonly rows: number;
  readonly ms: number;
  /** Columns in the file that the source does not declare. */
  readonly ignoredColumns: readonly string[];
}

/** At most this many bad values are listed in one error. */
const MAX_REPORTED = 5;

/**
 * Finds and loads every source's file from `dir` (see {@link findSourceFile}); all files
 * are located before any is read, so a missing file fails fast.
 */
export async function loadSources(
  conn: DuckDBConnection,
  sources: readonly CompiledSource[],
  dir: string,
  onLoaded?: (loaded: LoadedSource) => void,
): Promise<LoadedSource[]> {
  const entries = await listDataDir(dir);
  const files = sources.map((s) => findSourceFile(s, dir, entries));
  await conn.run(`CREATE SCHEMA IF NOT EXISTS ${ident(DUCKDB_SOURCE_SCHEMA)}`);
  const out: LoadedSource[] = [];
  for (const [i, source] of sources.entries()) {
    const loaded = await loadSource(conn, source, files[i]!);
    onLoaded?.(loaded);
    out.push(loaded);
  }
  return out;
}

/** Loads one source file into `src.<name>`, replacing what was there. */
export async function loadSource(conn: DuckDBConnection, source: CompiledSource, file: SourceFile): Promise<LoadedSource> {
  const started = performance.now();
  const reader = readers[file.format];
  const stage = `sluice_stage_${source.name}`;
  try {
    let found: string[];
    try {
      found = await reader.stage(conn, file.path, stage);
    } catch (e) {
      if (e instanceof NotAnObject) throw await rowError(file, reader, e.row, e.message);
      throw e;
    }
    const declared = new Set(source.columns.map((c) => c.name));
    const missing = source.columns.filter((c) => !found.includes(c.name)).map((c) => c.name);
    const extra = found.filter((c) => !declared.has(c));
    if (missing.length) {
      throw new SluiceError(
        `${file.path}: source '${source.name}' is missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `'${m}'`).join(', ')}`,
        source.site,
        `the file has: ${found.join(', ') || '(no columns)'}${extra.length ? `; not declared: ${extra.join(', ')}` : ''}`,
      );
    }
    await checkValues(conn, source, file, reader, stage);
    const target = qualified([DUCKDB_SOURCE_SCHEMA, source.name]);
    const columns = source.columns.map((c) => `${ident(c.name)} ${duckdbType(c.type)}${c.type.nullable ? '' : ' NOT NULL'}`);
    const values = source.columns.map((c) => {
      const input = reader.input(c.name, c.type);
      return `${parseValue(c.type, input.raw, input.kind)} AS ${ident(c.name)}`;
    });
    await conn.run(`CREATE OR REPLACE TABLE ${target} (${columns.join(', ')})`);
    await conn.run(`INSERT INTO ${target} SELECT ${values.join(', ')} FROM ${ident(stage)} ORDER BY rowid`);
    const count = await conn.runAndReadAll(`SELECT count(*) AS n FROM ${target}`);
    return {
      name: source.name,
      file: file.path,
      rows: Number(count.getRowObjectsJS()[0]!.n),
      ms: Math.round(performance.now() - started),
      ignoredColumns: extra,
    };
  } finally {
    await conn.run(`DROP TABLE IF EXISTS temp.${ident(stage)}`);
  }
}

interface BadValue {
  readonly kind: 'invalid' | 'null';
  readonly row: number;
  readonly column: string;
  readonly type: string;
  readonly value: string | null;
}

/** Finds the first few unconvertible values and NULLs in NOT NULL columns, in file order. */
async function checkValues(conn: DuckDBConnection, source: CompiledSource, file: SourceFile, reader: FormatReader, stage: string): Promise<void> {
  const probes = source.columns.flatMap((c, index) => {
    const input = reader.input(c.name, c.type);
    const probe = (kind: BadValue['kind'], condition: string) =>
      `SELECT rowid AS r, ${index} AS i, ${str(kind)} AS k, ${input.display} AS v FROM ${ident(stage)} WHERE ${condition}`;
    const bad = probe('invalid', isBadValue(c.type, input.raw, input.kind, input.notScalar));
    return c.type.nullable ? [bad] : [bad, probe('null', `${input.raw} IS NULL`)];
  });
  if (!probes.length) return;
  const result = await conn.runAndReadAll(`${probes.map((p) => `(${p})`).join(' UNION ALL ')} ORDER BY r, i LIMIT ${MAX_REPORTED}`);
  const bad: BadValue[] = result.getRowObjectsJS().map((r) => {
    const column = source.columns[Number(r.i)]!;
    return {
      kind: r.k === 'null' ? 'null' : 'invalid',
      row: Number(r.r),
      column: column.name,
      type: typeToString(column.type),
      value: r.v === null ? null : String(r.v),
    };
  });
  if (!bad.length) return;
  const lines = await lineNumbers(file, reader, bad.map((b) => b.row));
  const describe = (b: BadValue) =>
    b.kind === 'null'
      ? `column '${b.column}' is NULL but declared NOT NULL (${b.type})`
      : `column '${b.column}': ${str(b.value ?? '')} is not a valid ${b.type}`;
  const where = (b: BadValue) => `${file.path}:${lines.get(b.row) ?? `row ${b.row + 1}`}`;
  const [first, ...rest] = bad;
  const others = rest.map((b) => `\n${where(b)}: ${describe(b)}`).join('');
  const firstLine = lines.get(first!.row);
  throw new SluiceError(
    `${firstLine === undefined ? `${where(first!)}: ` : ''}source '${source.name}', ${describe(first!)}${others}`,
    siteOfRow(file, firstLine),
    first!.kind === 'null'
      ? `fill in the value, or declare the column .nullable() at ${source.site.file}:${source.site.line}`
      : `fix the value, or change the column's declared type at ${source.site.file}:${source.site.line}`,
  );
}

async function lineNumbers(file: SourceFile, reader: FormatReader, rows: readonly number[]): Promise<Map<number, number>> {
  if (reader.lines === 'csv') return csvRowLines(file.path, rows);
  if (reader.lines === 'ndjson') return ndjsonRowLines(file.path, rows);
  return new Map();
}

function siteOfRow(file: SourceFile, line: number | undefined): CallSite | undefined {
  return line === undefined ? undefined : { file: file.path, line, column: 1 };
}

async function rowError(file: SourceFile, reader: FormatReader, row: number, message: string): Promise<SluiceError> {
  const line = (await lineNumbers(file, reader, [row])).get(row);
  return new SluiceError(line === undefined ? `${file.path}: row ${row + 1}: ${message}` : message, siteOfRow(file, line));
}
