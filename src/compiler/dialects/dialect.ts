/**
 * What every SQL dialect provides. A dialect is a leaf: the planner and the compile driver
 * only see this interface, never a dialect by name (they receive dialects as values).
 */
import type { SqlField } from '../../sdk/schema.js';
import type { Program } from '../ir/program.js';
import type { Rel, TableRef } from '../ir/rel.js';
import type { ComponentsDialect } from '../programs/components-dialect.js';

export type DialectName = 'bigquery' | 'duckdb';

/** Resolves logical tables to physical paths (e.g. `['proj', 'raw', 'orders']`); the dialect quotes them. */
export interface TableNames {
  table(ref: TableRef): readonly string[];
}

/** How a model is materialized, as far as DDL is concerned. */
export interface MaterializeSpec {
  readonly name: string;
  readonly materialize: 'view' | 'table';
  readonly description?: string;
  readonly columns: readonly SqlField[];
  readonly partitionBy?: string;
  readonly clusterBy: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
}

export interface Dialect {
  readonly name: DialectName;
  /** A formatted SELECT statement (no trailing semicolon) computing `rel`. */
  query(rel: Rel, names: TableNames): string;
  /** The DDL materializing a model from its query (CREATE OR REPLACE VIEW / TABLE ...). */
  create(spec: MaterializeSpec, query: string, names: TableNames): string;
  /** Quotes an identifier. */
  ident(name: string): string;
  /** Renders a string literal. */
  stringLiteral(value: string): string;
  /** Spelling the connected-components program needs. */
  readonly components: ComponentsDialect;
  /**
   * A multi-statement program as this dialect's text: a script the warehouse runs as is
   * (BigQuery), or the statements with their loops as comments, for reading (DuckDB, whose
   * runner drives the loops itself).
   */
  script(program: Program): string;
}
