/**
 * DuckDB for differential runs: one in-memory database per run, sources loaded once, then
 * each model's DDL on its own, so an error in one model is reported for that model instead
 * of aborting the others (test/support/duckdb.ts stops at the first failure).
 */
import { DuckDBDataChunkWriter, DuckDBInstance, JSToDuckDBValueConverter } from '@duckdb/node-api';
import { createRequire } from 'node:module';
import type { CompiledProject } from '../../../src/compiler/artifact/types.js';
import type { SqlType } from '../../../src/sdk/schema.js';
import { duckType } from '../../support/duckdb.js';
import type { Row, Rows } from './engines.js';

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * @duckdb/node-api decodes VARCHAR values with a default TextDecoder, which drops a leading
 * U+FEFF: '\ufeffx' reads back as 'x' although DuckDB holds it intact (length 2). The
 * library reads the decoder from this exported binding on every value, so swap in one that
 * keeps the BOM. (Affects every reader of DuckDB strings in Sluice; reported.)
 */
const accessors = createRequire(import.meta.url)('@duckdb/node-api/lib/vectors/dataAccessors.js') as { textDecoder: { decode(bytes: Uint8Array): string } };
accessors.textDecoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** A model's rows, or the error the engine raised. */
export type Outcome = { readonly rows: Row[] } | { readonly error: string };

/** Runs `models` (names, in dependency order) of `project` on DuckDB over `sources`. */
export async function runModelsOnDuckDb(project: CompiledProject, sources: Rows, models: ReadonlySet<string>): Promise<Record<string, Outcome>> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    await conn.run('CREATE SCHEMA src');
    for (const source of project.sources) {
      await conn.run(`CREATE TABLE src.${quote(source.name)} (${source.columns.map((c) => `${quote(c.name)} ${duckType(c.type)}`).join(', ')})`);
      const appender = await conn.createAppender(source.name, 'src');
      const writer = DuckDBDataChunkWriter.forAppender(appender, { converter: JSToDuckDBValueConverter });
      for (const row of sources[source.name] ?? []) writer.appendRow(source.columns.map((c) => toDuck(row[c.name], c.type)) as never);
      writer.flush();
      appender.closeSync();
    }
    const out: Record<string, Outcome> = {};
    for (const model of project.models) {
      if (!models.has(model.name)) continue;
      try {
        await conn.run(model.ddl.duckdb);
        const result = await conn.runAndReadAll(`SELECT * FROM main.${quote(model.name)}`);
        out[model.name] = {
          rows: result.getRowObjectsJS().map((row) => Object.fromEntries(model.columns.map((c) => [c.name, fromDuck((row as Row)[c.name], c.type)]))),
        };
      } catch (error) {
        out[model.name] = { error: error instanceof Error ? error.message : String(error) };
      }
    }
    return out;
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** DATE is 'YYYY-MM-DD' in Sluice's JS representation. */
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
