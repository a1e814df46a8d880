/**
 * A SQL program: statements plus bounded loops. This is the loop construct identity
 * resolution needs and the compiler does not have yet. It renders as one BigQuery script
 * (see bigquery-script.ts) and is interpreted statement by statement on DuckDB
 * (see duckdb-driver.ts), so both engines run exactly the same statements.
 */

/** Runs one SQL statement (DDL or DML; no result is read). */
export interface ExecStep {
  readonly kind: 'exec';
  readonly sql: string;
}

/**
 * Repeats `body` while `condition` holds. The condition is checked before every iteration
 * (so a body that records "something changed" in a table makes it a do-while);
 * when it still holds after `maxIterations` iterations the program fails loudly (never
 * returns a half-converged result).
 */
export interface LoopStep {
  readonly kind: 'loop';
  /** Names the loop in errors and statistics, and names its BigQuery counter variable. */
  readonly name: string;
  /** A SQL boolean expression; may contain scalar subqueries such as `EXISTS (SELECT ...)`. */
  readonly condition: string;
  readonly maxIterations: number;
  readonly body: readonly Step[];
}

/** Fails the program with `message` unless the SQL boolean expression `condition` holds. */
export interface AssertStep {
  readonly kind: 'assert';
  readonly condition: string;
  readonly message: string;
}

export type Step = ExecStep | LoopStep | AssertStep;

/** A whole program. */
export interface Program {
  readonly steps: readonly Step[];
}

/** Identifier and literal rendering of a dialect (structurally a subset of the compiler's `Dialect`). */
export interface Quoting {
  ident(name: string): string;
  stringLiteral(value: string): string;
}

const LOOP_NAME = /^[a-z][a-z0-9_]*$/;

/** Builds a loop step, checking what the renderers rely on. */
export function loop(name: string, condition: string, maxIterations: number, body: readonly Step[]): LoopStep {
  if (!LOOP_NAME.test(name)) throw new Error(`loop name ${JSON.stringify(name)} must be lower-case letters, digits and _`);
  if (!Number.isInteger(maxIterations) || maxIterations < 1) throw new Error(`loop ${name}: maxIterations must be a positive integer`);
  return { kind: 'loop', name, condition, maxIterations, body };
}

/** Builds an assertion step. */
export const assert = (condition: string, message: string): AssertStep => ({ kind: 'assert', condition, message });

/** Builds a statement step. */
export const exec = (sql: string): ExecStep => ({ kind: 'exec', sql });

/** The message of the error raised when a loop hits its cap (identical on both engines). */
export const capMessage = (step: LoopStep) =>
  `loop ${step.name} did not converge within ${step.maxIterations} iterations`;

/** Every loop of a program, outer loops first. */
export function loopsOf(steps: readonly Step[]): LoopStep[] {
  return steps.flatMap((s) => (s.kind === 'loop' ? [s, ...loopsOf(s.body)] : []));
}
