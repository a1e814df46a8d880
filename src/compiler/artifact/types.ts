/**
 * The compiled artifact: everything downstream (runners, validate, deploy, docs) consumes
 * this, never the SDK graph. Serialized to `target/manifest.json` plus SQL files.
 */
import type { CallSite } from '../../sdk/callsite.js';
import type { SqlField } from '../../sdk/schema.js';
import type { DialectName } from '../dialects/dialect.js';
import type { Program } from '../ir/program.js';

export type { DialectName };

/** SQL text per dialect. */
export type PerDialect = Readonly<Record<DialectName, string>>;

export interface CompiledExpectation {
  /** Stable name, e.g. `orders.unique_id` or `orders.expect_3`. */
  readonly name: string;
  readonly kind: string;
  readonly severity: 'error' | 'warn';
  readonly description: string;
  readonly site: CallSite;
  /** A query returning the failing rows (for rowCount: one row when violated). */
  readonly sql: PerDialect;
}

/** Where an output column's values come from. */
export interface ColumnLineage {
  readonly column: string;
  /** `source:<name>.<column>` or `model:<name>.<column>`. */
  readonly from: readonly string[];
}

export interface CompiledModel {
  readonly name: string;
  readonly pipeline: string;
  readonly materialize: 'view' | 'table';
  readonly description?: string;
  /** Output columns with types and descriptions. */
  readonly columns: readonly SqlField[];
  readonly partitionBy?: string;
  readonly clusterBy: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  /** Models and sources this model reads (current versions). */
  readonly dependsOn: { readonly models: readonly string[]; readonly sources: readonly string[] };
  /** Models whose previous version this model reads. */
  readonly readsPrevious: readonly string[];
  /** The SELECT computing the model. */
  readonly query: PerDialect;
  /**
   * The statement materializing it; for a model that needs loops (connected components),
   * the whole program as text (a BigQuery script).
   */
  readonly ddl: PerDialect;
  /** Present when the model needs loops: what runners execute instead of `ddl`. */
  readonly program?: Readonly<Record<DialectName, Program>>;
  readonly expectations: readonly CompiledExpectation[];
  readonly lineage: readonly ColumnLineage[];
  /** sha256 of this model's SQL and its parents' fingerprints. */
  readonly fingerprint: string;
  readonly site: CallSite;
}

export interface CompiledSource {
  readonly name: string;
  readonly description?: string;
  readonly columns: readonly SqlField[];
  readonly site: CallSite;
}

export interface CompiledProject {
  /** In dependency order: every model after the models it reads. */
  readonly models: readonly CompiledModel[];
  readonly sources: readonly CompiledSource[];
}
