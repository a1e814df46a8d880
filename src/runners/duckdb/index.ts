/** The DuckDB runner: runs a compiled project locally on an embedded DuckDB file. */
export { runProject, type RunOptions } from './run-project.js';
export type { RunEvent, RunSummary, ModelResult, ExpectationResult } from './events.js';
export type { LoadedSource } from './load-sources.js';
export { loadSources } from './load-sources.js';
export { selectModels } from './select.js';
export { duckdbType } from './types.js';
