/**
 * Test support: run compiled models on an in-memory DuckDB with rows given as JS objects
 * (the DirectRunner's representation), and read results back in that representation.
 */
import { DuckDBConnection, DuckDBDataChunkWriter, DuckDBInstance, JSToDuckDBValueConverter } from '@duckdb/node-api';
import type { CompiledModel, CompiledProject } from '../../src/compiler/artifact/types.js';
import { runOnDuckDB } from '../../src/runners/duckdb/program.js';
import '../../src/runners/duckdb/text-decoder.js';
import { duckdbType } from '../../src/runners/duckdb/types.js';
import type { SqlType } from '../../src/sdk/schema.js';


export type Row = Record<string, unknown>;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** DATE values are 'YYYY-MM-DD' strings in Sluice's JS representation. */
function toDuck(value: unknown, type: SqlType): unknown {
  if (value === null || value === undefined) return null;
  switch (type.kind) {
    case 'DATE':
      return new Date(`${value as string}T00:00:00Z`);
    case 'ARRAY':
      return (value as unknown[]).map((v) => toDuck(v, type.element!));
    case 'STRUCT':
      return Object.fromEntries(type.fields!.map((f) => [f.name, toDuck((value as Row)[f.name], f.type)]));
    default:
      return value;
  }
}

function fromDuck(value: unknown, type: SqlType): unknown {
  if (value === null || value === undefined) return null;
  switch (type.kind) {
    case 'DATE':
      return (value as Date).toISOString().slice(0, 10);
    case 'INT64':
    case 'NUMERIC':
      return Number(value);
    case 'ARRAY':
      return (value as unknown[]).map((v) => fromDuck(v, type.element!));
    case 'STRUCT':
      return Object.fromEntries(type.fields!.map((f) => [f.name, fromDuck((value as Row)[f.name], f.type)]));
    default:
      return value;
  }
}

/** Creates `src.<source>` tables holding the given rows. */
export async function loadSources(conn: DuckDBConnection, project: CompiledProject, sources: Readonly<Record<string, readonly Row[]>>) {
  await conn.run('CREATE SCHEMA IF NOT EXISTS src');
  for (const source of project.sources) {
    const cols = source.columns.map((c) => `${quote(c.name)} ${duckdbType(c.type)}`).join(', ');
    await conn.run(`CREATE TABLE src.${quote(source.name)} (${cols})`);
    const appender = await conn.createAppender(source.name, 'src');
    const writer = DuckDBDataChunkWriter.forAppender(appender, { converter: JSToDuckDBValueConverter });
    for (const row of sources[source.name] ?? []) {
      writer.appendRow(source.columns.map((c) => toDuck(row[c.name], c.type)) as never);
    }
    writer.flush();
    appender.closeSync();
  }
}

/** Builds one model: its DDL, or the loop program the runner drives. */
export async function buildModel(conn: DuckDBConnection, model: CompiledModel): Promise<void> {
  if (model.program) await runOnDuckDB(conn, model.program.duckdb);
  else await conn.run(model.ddl.duckdb);
}

/** A built model's rows in the DirectRunner's representation. */
export async function readModel(conn: DuckDBConnection, model: CompiledModel): Promise<Row[]> {
  const result = await conn.runAndReadAll(`SELECT * FROM main.${quote(model.name)}`);
  return result.getRowObjectsJS().map((row) => Object.fromEntries(model.columns.map((c) => [c.name, fromDuck((row as Row)[c.name], c.type)])));
}

/** Runs every model's DuckDB DDL in order and returns each model's rows. */
export async function runOnDuckDb(
  project: CompiledProject,
  sources: Readonly<Record<string, readonly Row[]>>,
): Promise<Record<string, Row[]>> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    await loadSources(conn, project, sources);
    const out: Record<string, Row[]> = {};
    for (const model of project.models) {
      await buildModel(conn, model);
      out[model.name] = await readModel(conn, model);
    }
    return out;
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
