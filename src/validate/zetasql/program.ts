/**
 * Runs a {@link Program} — the BigQuery statements and loops of a model that needs them
 * (connected components) — on ZetaSQL's reference implementation over in-memory tables: the
 * offline stand-in for running the model's BigQuery script. The control flow is that of the
 * rendered script (src/compiler/dialects/bigquery/script.ts): a loop stops when its condition
 * is FALSE (`IF NOT (c) THEN BREAK`, so NULL goes on), fails at its iteration cap; an assertion
 * fails unless its condition is TRUE (`ASSERT`). Statements: see program-statements.ts.
 *
 * Table paths must be ones ZetaSQL's evaluator can attach rows to: one part (compile with
 * one-part BigQuery names, e.g. `` `analytics.orders` ``); a multi-part path analyzes but
 * cannot be read.
 */
import type { CompiledProject } from '../../compiler/artifact/types.js';
import type { TableNames } from '../../compiler/dialects/dialect.js';
import { exec, type Program, type Step } from '../../compiler/ir/program.js';
import { IterationCapError, ProgramAssertionError } from '../../runners/duckdb/program.js';
import type { EvaluateResult, TableData } from './evaluate.js';
import { evaluateRaw, executeStatement } from './program-statements.js';
import { ProgramTables } from './program-tables.js';
import type { ZetaSqlServer } from './server.js';

export { IterationCapError, ProgramAssertionError, ProgramTables };

/** What a program left behind, and how it got there. */
export interface ZetaProgramRun {
  /** Every table after the last statement: the inputs, plus created minus dropped ones. */
  readonly tables: ProgramTables;
  /** Total iterations per loop name, summed over every entry into the loop. */
  readonly iterations: Readonly<Record<string, number>>;
  /** Statements executed, loop conditions and assertions included. */
  readonly statements: number;
}

/**
 * Executes `program` over `tables` (not modified: the run works on a copy). Throws
 * {@link IterationCapError} when a loop hits its cap, {@link ProgramAssertionError} when an
 * assertion fails, and {@link ZetaSqlQueryError} when ZetaSQL rejects a statement.
 */
export async function runProgramOnZetaSql(
  zeta: ZetaSqlServer,
  program: Program,
  tables: readonly TableData[] | ProgramTables,
): Promise<ZetaProgramRun> {
  const state = tables instanceof ProgramTables ? tables.clone() : ProgramTables.from(tables);
  const iterations: Record<string, number> = {};
  let statements = 0;
  const holds = async (condition: string): Promise<boolean | null> => {
    statements++;
    const { rows } = await evaluateRaw(zeta, state, `SELECT (${condition}) AS ok`);
    const cell = rows[0]?.[0] as { value?: string; boolValue?: boolean } | undefined;
    return cell?.value === 'boolValue' ? cell.boolValue! : null;
  };
  const run = async (steps: readonly Step[]): Promise<void> => {
    for (const step of steps) {
      if (step.kind === 'exec') {
        statements++;
        await executeStatement(zeta, state, step.sql);
      } else if (step.kind === 'assert') {
        if ((await holds(step.condition)) !== true) throw new ProgramAssertionError(step.message);
      } else {
        iterations[step.name] ??= 0;
        for (let i = 0; (await holds(step.condition)) !== false; i++) {
          if (i === step.maxIterations) throw new IterationCapError(step.name, step.maxIterations);
          iterations[step.name]!++;
          await run(step.body);
        }
      }
    }
  };
  await run(program.steps);
  return { tables: state, iterations, statements };
}

/**
 * Builds `project`'s models in order on ZetaSQL, each from its program or its DDL, every
 * model's table feeding the models after it, and returns every model's rows (DirectRunner
 * values). `names` must be the BigQuery names the project was compiled with; `inputs` are the
 * sources (and previous model versions) under those names. Temp tables of a program do not
 * outlive it, as in a BigQuery script.
 */
export async function runModelsOnZetaSql(
  zeta: ZetaSqlServer,
  project: CompiledProject,
  names: TableNames,
  inputs: readonly TableData[],
): Promise<Record<string, EvaluateResult>> {
  const tables = ProgramTables.from(inputs);
  const out: Record<string, EvaluateResult> = {};
  for (const model of project.models) {
    const program = model.program?.bigquery ?? { steps: [exec(model.ddl.bigquery.replace(/;\s*$/, ''))] };
    const { tables: after } = await runProgramOnZetaSql(zeta, program, tables);
    const path = names.table({ kind: 'model', name: model.name });
    tables.put(after.get(path) ?? missing(model.name, path));
    out[model.name] = tables.read(path);
  }
  return out;
}

function missing(model: string, path: readonly string[]): never {
  throw new Error(`model ${model} did not create its table ${path.join('.')}; are these the names it was compiled with?`);
}
