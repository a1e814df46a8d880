/**
 * Builds models in dependency order, in parallel where the graph allows. A model that reads
 * another model's previous version runs before that model is rebuilt, and finds at least an
 * empty table with the declared columns on the very first run.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { CompiledModel } from '../../compiler/artifact/types.js';
import { DUCKDB_MODEL_SCHEMA } from '../../deploy/environments/table-names.js';
import { SluiceError } from '../../sdk/errors.js';
import type { Database } from './database.js';
import type { ModelResult, RunEvent } from './events.js';
import { firstLine } from './expectations.js';
import { runOnDuckDB } from './program.js';
import { runGraph, TasksFailed } from './schedule.js';
import { ident, qualified, str } from './sql.js';
import { duckdbType } from './types.js';

export interface BuildOptions {
  readonly concurrency: number;
  readonly onEvent?: (event: RunEvent) => void;
  /** Folder holding the compiled SQL (`<dir>/duckdb/<model>.sql`), cited in errors. */
  readonly sqlDir?: string;
}

/**
 * Builds `selected` (a subset of `all`, in dependency order). Throws the first model's
 * error as a SluiceError at the model's call site; other failures are reported as events.
 */
export async function buildModels(db: Database, selected: readonly CompiledModel[], all: readonly CompiledModel[], options: BuildOptions): Promise<ModelResult[]> {
  await db.use((conn) => createMissingPrevious(conn, selected, all));
  const readersOfPrevious = new Map<string, string[]>();
  for (const m of selected) {
    for (const p of m.readsPrevious) if (p !== m.name) readersOfPrevious.set(p, [...(readersOfPrevious.get(p) ?? []), m.name]);
  }
  const tasks = selected.map((model) => ({
    name: model.name,
    model,
    // A reader of this model's previous version must see it before it is replaced.
    after: [...model.dependsOn.models, ...(readersOfPrevious.get(model.name) ?? [])],
  }));
  const results = new Map<string, ModelResult>();
  try {
    await runGraph(tasks, options.concurrency, async ({ model }) => {
      options.onEvent?.({ kind: 'model-started', model: model.name });
      try {
        const result = await db.use((conn) => buildModel(conn, model));
        results.set(model.name, result);
        options.onEvent?.({ kind: 'model-built', result });
      } catch (e) {
        const error = modelError(model, e, selected, options.sqlDir);
        options.onEvent?.({ kind: 'model-failed', model: model.name, error });
        throw error;
      }
    });
  } catch (e) {
    if (e instanceof TasksFailed) throw e.errors[0]!.error;
    throw new SluiceError(`cannot order the models: ${(e as Error).message}`, undefined, 'a model reads the previous version of a model it also depends on');
  }
  return selected.map((m) => results.get(m.name)!);
}

async function buildModel(conn: DuckDBConnection, model: CompiledModel): Promise<ModelResult> {
  const started = performance.now();
  // A model with loops (connected components) is a program the runner drives on one connection.
  if (model.program) await runOnDuckDB(conn, model.program.duckdb);
  else await conn.run(model.ddl.duckdb);
  const count = await conn.runAndReadAll(`SELECT count(*) AS n FROM ${qualified([DUCKDB_MODEL_SCHEMA, model.name])}`);
  return {
    name: model.name,
    materialize: model.materialize,
    rows: Number(count.getRowObjectsJS()[0]!.n),
    ms: Math.round(performance.now() - started),
  };
}

/** Creates an empty table for every previous version read that does not exist yet. */
async function createMissingPrevious(conn: DuckDBConnection, selected: readonly CompiledModel[], all: readonly CompiledModel[]): Promise<void> {
  const byName = new Map(all.map((m) => [m.name, m]));
  for (const reader of selected) {
    for (const name of reader.readsPrevious) {
      const exists = await conn.runAndReadAll(
        `SELECT 1 FROM duckdb_tables() WHERE schema_name = ${str(DUCKDB_MODEL_SCHEMA)} AND table_name = ${str(name)}
         UNION ALL SELECT 1 FROM duckdb_views() WHERE schema_name = ${str(DUCKDB_MODEL_SCHEMA)} AND view_name = ${str(name)}`,
      );
      if (exists.currentRowCount > 0) continue;
      const previous = byName.get(name);
      if (!previous) {
        throw new SluiceError(`model '${reader.name}' reads the previous version of '${name}', which is not a model of this project`, reader.site);
      }
      const columns = previous.columns.map((c) => `${ident(c.name)} ${duckdbType(c.type)}`).join(', ');
      await conn.run(`CREATE TABLE ${qualified([DUCKDB_MODEL_SCHEMA, name])} (${columns})`);
    }
  }
}

function modelError(model: CompiledModel, e: unknown, selected: readonly CompiledModel[], sqlDir: string | undefined): SluiceError {
  if (e instanceof SluiceError) return e;
  const message = e instanceof Error ? e.message : String(e);
  const missing = /Table with name (\w+) does not exist/.exec(message)?.[1];
  const unbuilt = missing !== undefined && model.dependsOn.models.includes(missing) && !selected.some((m) => m.name === missing);
  const hint = unbuilt
    ? `'${missing}' has never been built here: select it too (--select +${model.name})`
    : sqlDir
      ? `the generated SQL is in ${sqlDir}/duckdb/${model.name}.sql`
      : undefined;
  const detail = message.includes('\n') ? `\n${indent(message.split('\n').slice(1).join('\n').trim())}` : '';
  return new SluiceError(`model '${model.name}' failed on DuckDB: ${firstLine(e)}${detail}`, model.site, hint);
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}
