/**
 * Runs a {@link Program} on a DuckDB connection: the local counterpart of the BigQuery
 * script, executing the very same statements and evaluating loop conditions between them.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { capMessage, type Program, type Step } from './program.js';

/** Raised when a loop is still unfinished at its iteration cap. */
export class IterationCapError extends Error {
  constructor(
    readonly loop: string,
    readonly maxIterations: number,
  ) {
    super(capMessage({ kind: 'loop', name: loop, maxIterations, condition: '', body: [] }));
    this.name = 'IterationCapError';
  }
}

export interface ProgramRun {
  /** Total iterations per loop name, summed over every entry into the loop. */
  readonly iterations: Readonly<Record<string, number>>;
  /** Statements executed, loop conditions included. */
  readonly statements: number;
}

/** Executes `program` on `con`; throws {@link IterationCapError} when a loop hits its cap. */
export async function runOnDuckDB(con: DuckDBConnection, program: Program): Promise<ProgramRun> {
  const iterations: Record<string, number> = {};
  let statements = 0;
  const run = async (steps: readonly Step[]): Promise<void> => {
    for (const step of steps) {
      if (step.kind === 'exec') {
        statements++;
        await con.run(step.sql);
        continue;
      }
      iterations[step.name] ??= 0;
      for (let i = 0; ; i++) {
        statements++;
        const reader = await con.runAndReadAll(`SELECT (${step.condition}) AS go`);
        if (reader.getRows()[0]?.[0] !== true) break;
        if (i === step.maxIterations) throw new IterationCapError(step.name, step.maxIterations);
        iterations[step.name]!++;
        await run(step.body);
      }
    }
  };
  await run(program.steps);
  return { iterations, statements };
}
