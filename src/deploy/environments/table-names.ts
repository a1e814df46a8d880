/**
 * Physical table names for an environment: how the compiler's logical table references
 * (`source x`, `model y`) become warehouse paths in the environment's dialect.
 */
import type { DialectName, TableNames } from '../../compiler/dialects/dialect.js';
import type { Environment } from './schema.js';

/** DuckDB schema holding loaded source tables. */
export const DUCKDB_SOURCE_SCHEMA = 'src';
/** DuckDB schema holding models. */
export const DUCKDB_MODEL_SCHEMA = 'main';

/** The SQL dialect an environment's warehouse speaks. */
export function dialectOf(env: Pick<Environment, 'warehouse'>): DialectName {
  return env.warehouse.type;
}

/**
 * Table names for the environment's dialect. DuckDB: `src.<source>` and `main.<model>`
 * (two-part names, so the same SQL works on any copy of the database file). BigQuery:
 * `<project>.<datasets.sources>.<source>` and `<project>.<datasets.models>.<model>`.
 * A model's previous version (`previous: true`) is the same table: it is read before the
 * model replaces it.
 */
export function tableNames(env: Pick<Environment, 'warehouse'>): TableNames {
  const w = env.warehouse;
  if (w.type === 'duckdb') {
    return {
      table: (ref) => [ref.kind === 'source' ? DUCKDB_SOURCE_SCHEMA : DUCKDB_MODEL_SCHEMA, ref.name],
    };
  }
  return {
    table: (ref) => [w.project, ref.kind === 'source' ? w.datasets.sources : w.datasets.models, ref.name],
  };
}
