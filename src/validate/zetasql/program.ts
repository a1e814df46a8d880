/**
 * Runs a {@link Program} — the BigQuery statements and loops of a model that needs them
 * (connected components) — on ZetaSQL's reference implementation over in-memory tables: the
 * offline stand-in for running the model's BigQuery script. The control flow is that of the
 * rendered script (src/compiler/dialects/bigquery/script.ts): a loop stops when its condition
 * is not TRUE (`IF NOT COALESCE(c, FALSE) THEN BREAK`), fails at its iteration cap; an assertion
 * fails unless its condition is TRUE (`ASSERT`). Statements: see program-statements.ts.
 *
 * Table paths must be ones ZetaSQL's evaluator can attach rows to: one part (compile with
 * one-part BigQuery names, e.g. `` `analytics.orders` ``); a multi-part path analyzes but
 * cannot be read.
 */
import type { Program, Step } from '../../compiler/ir/program.js';
import { IterationCapError, ProgramAssertionError } from '../../runners/duckdb/program.js';
import type { TableData } from './evaluate.js';
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
        for (let i = 0; (await holds(step.condition)) === true; i++) {
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
