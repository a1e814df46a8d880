/** Environment files: schema, loading with located errors, and per-environment table names. */
export { environmentSchema, type Environment, type DuckdbWarehouse, type BigqueryWarehouse } from './schema.js';
export { loadEnvironment, builtinLocalEnvironment, listEnvironments, parseEnvironment, ENVIRONMENTS_DIR, type LoadedEnvironment } from './load.js';
export { tableNames, dialectOf, DUCKDB_SOURCE_SCHEMA, DUCKDB_MODEL_SCHEMA } from './table-names.js';
