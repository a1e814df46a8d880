/**
 * The three engines of a differential test, on one compiled project and one set of source
 * rows: the DirectRunner (the JS lambdas: the specification), DuckDB on the DuckDB SQL, and
 * ZetaSQL's reference evaluator on the BigQuery SQL. Compile once per fixture project
 * ({@link compileFixture}); each property run then only moves data.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompiledModel, CompiledProject } from '../../../src/compiler/artifact/types.js';
import type { TableNames } from '../../../src/compiler/dialects/dialect.js';
import { compile } from '../../../src/compiler/index.js';
import { runDirect, type Row } from '../../../src/runners/direct/index.js';
import type { Pipeline } from '../../../src/sdk/pipeline.js';
import { evaluate, getSharedZetaSql, ZetaSqlQueryError, type TableData } from '../../../src/validate/zetasql/index.js';
import { runModelsOnDuckDb, type Outcome } from './duckdb-models.js';

export type { Row };
export type Rows = Readonly<Record<string, readonly Row[]>>;

export const repo = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

/**
 * BigQuery paths of one segment (`` `raw.orders` ``): ZetaSQL's evaluator attaches table data
 * to tables at its catalog root, found by their flat backtick name only.
 */
export const flatBigQueryNames: TableNames = {
  table: (ref) => [`${ref.kind === 'source' ? 'raw' : 'analytics'}.${ref.name}`],
};

export interface Fixture {
  readonly name: string;
  readonly pipelines: readonly Pipeline[];
  readonly compiled: CompiledProject;
}

/** Compiles `pipelines` once: DuckDB with its default names, BigQuery with flat names. */
export function compileFixture(name: string, pipelines: readonly Pipeline[]): Fixture {
  return { name, pipelines, compiled: compile(pipelines, { root: repo, names: { bigquery: flatBigQueryNames } }) };
}

/** Every model's rows from each engine (SQL engines: or the error they raised). */
export interface EngineRows {
  readonly direct: Rows;
  readonly duckdb: Readonly<Record<string, Outcome>>;
  readonly zetasql: Readonly<Record<string, Outcome>>;
}

/**
 * Runs all three engines on `sources` for `models` (default: all). ZetaSQL evaluates each
 * model's query on its own, so a model reading other models gets their DirectRunner rows
 * as input tables: a difference shows up in the model that causes it, not downstream.
 */
export async function runEngines(fixture: Fixture, sources: Rows, models?: readonly string[]): Promise<EngineRows> {
  const wanted = new Set(models ?? fixture.compiled.models.map((m) => m.name));
  const direct = runDirect(fixture.pipelines, { sources: sources as Record<string, Row[]> }).models;
  const duckdb = await runModelsOnDuckDb(fixture.compiled, sources, withUpstream(fixture.compiled, wanted));
  const zeta = await getSharedZetaSql();
  const zetasql: Record<string, Outcome> = {};
  for (const model of fixture.compiled.models) {
    if (!wanted.has(model.name)) continue;
    try {
      zetasql[model.name] = { rows: (await evaluate(zeta, model.query.bigquery, inputTables(fixture.compiled, model, sources, direct))).rows };
    } catch (error) {
      if (!(error instanceof ZetaSqlQueryError)) throw error;
      zetasql[model.name] = { error: error.message };
    }
  }
  return { direct, duckdb, zetasql };
}

/** `models` and every model they read, transitively (DuckDB builds upstream tables itself). */
function withUpstream(project: CompiledProject, models: ReadonlySet<string>): Set<string> {
  const all = new Set(models);
  for (const model of [...project.models].reverse()) {
    if (all.has(model.name)) for (const m of model.dependsOn.models) all.add(m);
  }
  return all;
}

/** The tables a model's BigQuery query reads, with rows. */
function inputTables(project: CompiledProject, model: CompiledModel, sources: Rows, direct: Rows): TableData[] {
  const tables: TableData[] = [];
  for (const name of model.dependsOn.sources) {
    const source = project.sources.find((s) => s.name === name)!;
    tables.push({ path: flatBigQueryNames.table({ kind: 'source', name })[0]!, columns: source.columns, rows: sources[name] ?? [] });
  }
  for (const name of model.dependsOn.models) {
    const upstream = project.models.find((m) => m.name === name)!;
    tables.push({ path: flatBigQueryNames.table({ kind: 'model', name })[0]!, columns: upstream.columns, rows: direct[name] ?? [] });
  }
  return tables;
}
