/**
 * Default physical names per dialect, used when no environment binds them: DuckDB keeps
 * sources in schema `src` and models in `main`; BigQuery uses datasets `raw` and `analytics`
 * of the default project. Environments override these (src/deploy/environments).
 */
import type { DialectName, TableNames } from './dialects/dialect.js';

export function schemaNames(sources: string, models: string, project?: string): TableNames {
  const prefix = project ? [project] : [];
  return {
    table: (ref) => [...prefix, ref.kind === 'source' ? sources : models, ref.name],
  };
}

export const defaultNames: Readonly<Record<DialectName, TableNames>> = {
  duckdb: schemaNames('src', 'main'),
  bigquery: schemaNames('raw', 'analytics'),
};
