/**
 * Identity resolution building blocks: match-key normalization, the identity graph with
 * blocking and degree caps, and connected components — each as SQL for DuckDB and BigQuery,
 * with a TypeScript specification to test it against.
 */
export * from './normalize/index.js';
export * from './components/index.js';
export { identityGraphProgram, type KeyRule, type GraphSpec } from './graph.js';
export { exec, loop, type Program, type Step, type LoopStep, type ExecStep, type Quoting } from '../compiler/ir/program.js';
export { duckdbFunctions, bigqueryFunctions, type SqlFunctions } from './sql/functions.js';
export { runOnDuckDB, IterationCapError, type ProgramRun } from '../runners/duckdb/program.js';
export { bigqueryScript } from '../compiler/dialects/bigquery/script.js';
