/**
 * Offline checks of BigQuery SQL with ZetaSQL (GoogleSQL's reference front end and engine).
 *
 * - {@link getSharedZetaSql} / {@link startZetaSql}: a local ZetaSQL server that dies with us.
 * - {@link Catalog}: tables (Sluice schemas) and constants to resolve names against.
 * - {@link analyze}: one statement → output columns as Sluice types, or message + line:col.
 * - {@link analyzeScript}: a BigQuery script, statement by statement.
 * - {@link evaluate}: run a query on in-memory rows; results as DirectRunner JS values.
 */
export { analyze, type AnalyzeFailure, type AnalyzeResult, type AnalyzeSuccess } from './analyze.js';
export { Catalog, type TableSchema, type ZetaColumn } from './catalog.js';
export { ZetaSqlError, ZetaSqlQueryError } from './errors.js';
export { evaluate, type EvaluateResult, type TableData } from './evaluate.js';
export { analyzeScript, type ScriptResult, type ScriptSuccess } from './script.js';
export { startZetaSql, type ZetaSqlServer } from './server.js';
export { closeSharedZetaSql, getSharedZetaSql } from './shared.js';
