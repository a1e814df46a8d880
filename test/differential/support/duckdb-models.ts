/**
 * DuckDB for differential runs: one in-memory database per run, sources loaded once, then
 * each model's DDL on its own, so an error in one model is reported for that model instead
 * of aborting the others (test/support/duckdb.ts stops at the first failure).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import type { CompiledProject } from '../../../src/compiler/artifact/types.js';
import { buildModel, loadSources, readModel } from '../../support/duckdb.js';
import type { Row, Rows } from './engines.js';

/** A model's rows, or the error the engine raised. */
export type Outcome = { readonly rows: Row[] } | { readonly error: string };

/** Runs `models` (names, in dependency order) of `project` on DuckDB over `sources`. */
export async function runModelsOnDuckDb(project: CompiledProject, sources: Rows, models: ReadonlySet<string>): Promise<Record<string, Outcome>> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    await loadSources(conn, project, sources);
    const out: Record<string, Outcome> = {};
    for (const model of project.models) {
      if (!models.has(model.name)) continue;
      try {
        await buildModel(conn, model);
        out[model.name] = { rows: await readModel(conn, model) };
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
