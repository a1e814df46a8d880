/**
 * Builds a compiled project's models on ZetaSQL's reference implementation, as a BigQuery
 * run would: in dependency order, each model from its program (loops) or its DDL, every
 * model's table feeding the models after it. The offline way to check that the BigQuery SQL
 * of a whole project computes what the DuckDB SQL computes.
 */
import type { CompiledProject } from '../../compiler/artifact/types.js';
import type { TableNames } from '../../compiler/dialects/dialect.js';
import { exec } from '../../compiler/ir/program.js';
import type { EvaluateResult, TableData } from './evaluate.js';
import { runProgramOnZetaSql } from './program.js';
import { ProgramTables } from './program-tables.js';
import type { ZetaSqlServer } from './server.js';

type Rows = Readonly<Record<string, readonly Readonly<Record<string, unknown>>[]>>;

/**
 * One-part BigQuery names (`` `raw.orders` ``, `` `analytics.customers` ``), the only ones
 * ZetaSQL's evaluator attaches rows to; a model's previous version is `` `previous.<model>` ``,
 * so it stays readable whatever order the models run in. Compile with these for ZetaSQL runs.
 */
export const zetaSqlTableNames: TableNames = {
  table: (ref) => [`${ref.kind === 'source' ? 'raw' : ref.kind === 'model' && ref.previous ? 'previous' : 'analytics'}.${ref.name}`],
};

/** Source rows, and the previous version of models read with `p.previous` (DirectRunner values). */
export interface ModelInputs {
  readonly sources: Rows;
  /** Missing ones are empty, as on a first run. */
  readonly previous?: Rows;
}

/**
 * Runs every model of `project` and returns its rows (DirectRunner values). `names` must be
 * the BigQuery names the project was compiled with (default {@link zetaSqlTableNames}). Temp
 * tables of a program do not outlive it, as in a BigQuery script.
 */
export async function runModelsOnZetaSql(
  zeta: ZetaSqlServer,
  project: CompiledProject,
  inputs: ModelInputs,
  names: TableNames = zetaSqlTableNames,
): Promise<Record<string, EvaluateResult>> {
  const tables = ProgramTables.from(inputTables(project, inputs, names));
  const out: Record<string, EvaluateResult> = {};
  for (const model of project.models) {
    const program = model.program?.bigquery ?? { steps: [exec(model.ddl.bigquery.replace(/;\s*$/, ''))] };
    const { tables: after } = await runProgramOnZetaSql(zeta, program, tables);
    const path = names.table({ kind: 'model', name: model.name });
    const table = after.get(path);
    if (!table) throw new Error(`model ${model.name} did not create ${path.join('.')}: was the project compiled with these names?`);
    tables.put(table);
    out[model.name] = tables.read(path);
  }
  return out;
}

/** Every source, and every previous version some model reads, with its rows. */
function inputTables(project: CompiledProject, inputs: ModelInputs, names: TableNames): TableData[] {
  const sources = project.sources.map((s) => ({
    path: names.table({ kind: 'source', name: s.name }),
    columns: s.columns,
    rows: inputs.sources[s.name] ?? [],
  }));
  const previous = [...new Set(project.models.flatMap((m) => m.readsPrevious))].map((name) => {
    const model = project.models.find((m) => m.name === name);
    if (!model) throw new Error(`a model reads the previous version of ${name}, which is not a model of the project`);
    return { path: names.table({ kind: 'model', name, previous: true }), columns: model.columns, rows: inputs.previous?.[name] ?? [] };
  });
  return [...sources, ...previous];
}
