/**
 * The contract of a benchmark: `bench/<name>.ts` default-exports one, and
 * `npm run bench -- <name> [args]` runs it (see bench/run.ts).
 */
export interface Benchmark {
  /** One line, shown by `npm run bench` with no argument. */
  readonly description: string;
  /** Runs with the arguments after the name; resolves to the process exit code. */
  run(args: readonly string[]): Promise<number>;
}
