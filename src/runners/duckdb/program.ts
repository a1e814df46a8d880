/**
 * Runs a {@link Program} on a DuckDB connection: the local counterpart of the BigQuery
 * script, executing the very same statements and evaluating loop conditions between them.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { capMessage, type Program, type Step } from '../../compiler/ir/program.js';

/** Raised when an assertion step of a program does not hold. */
export class ProgramAssertionError extends Error {
  override name = 'ProgramAssertionError';
}

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

export interface RunOptions {
  /** Called after every statement (loop conditions included) with its wall time; for profiling. */
  onStatement?: (sql: string, ms: number) => void;
}

/** Executes `program` on `con`; throws {@link IterationCapError} when a loop hits its cap. */
export async function runOnDuckDB(con: DuckDBConnection, program: Program, options: RunOptions = {}): Promise<ProgramRun> {
  const timed = async <T>(sql: string, task: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const value = await task();
    options.onStatement?.(sql, performance.now() - start);
    return value;
  };
  const iterations: Record<string, number> = {};
  let statements = 0;
  const run = async (steps: readonly Step[]): Promise<void> => {
    for (const step of steps) {
      if (step.kind === 'exec') {
        statements++;
        await timed(step.sql, () => con.run(step.sql));
        continue;
      }
      if (step.kind === 'assert') {
        statements++;
        const sql = `SELECT (${step.condition}) AS ok`;
        const reader = await timed(sql, () => con.runAndReadAll(sql));
        if (reader.getRows()[0]?.[0] !== true) throw new ProgramAssertionError(step.message);
        continue;
      }
      iterations[step.name] ??= 0;
      for (let i = 0; ; i++) {
        statements++;
        const sql = `SELECT (${step.condition}) AS go`;
        const reader = await timed(sql, () => con.runAndReadAll(sql));
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
