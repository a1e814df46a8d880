/** What a DuckDB run reports while it runs, and the summary it returns. */
import type { CompiledExpectation } from '../../compiler/artifact/types.js';
import type { LoadedSource } from './load-sources.js';

export interface ModelResult {
  readonly name: string;
  readonly materialize: 'view' | 'table';
  readonly rows: number;
  readonly ms: number;
}

export interface ExpectationResult {
  readonly name: string;
  readonly model: string;
  readonly description: string;
  readonly severity: CompiledExpectation['severity'];
  readonly site: CompiledExpectation['site'];
  /** Number of failing rows (0 when the expectation holds). */
  readonly failures: number;
  /** Up to five failing rows, values as JSON-compatible data. */
  readonly samples: readonly Record<string, unknown>[];
  readonly status: 'pass' | 'warn' | 'fail';
}

export type RunEvent =
  | { readonly kind: 'source-loaded'; readonly source: LoadedSource }
  | { readonly kind: 'model-started'; readonly model: string }
  | { readonly kind: 'model-built'; readonly result: ModelResult }
  | { readonly kind: 'model-failed'; readonly model: string; readonly error: Error }
  | { readonly kind: 'expectation'; readonly result: ExpectationResult }
  | { readonly kind: 'warning'; readonly message: string };

export interface RunSummary {
  /** True when every model was built and no error-severity expectation failed. */
  readonly ok: boolean;
  /** True when the database file was replaced by this run's result. */
  readonly committed: boolean;
  readonly sources: readonly LoadedSource[];
  readonly models: readonly ModelResult[];
  readonly expectations: readonly ExpectationResult[];
  readonly ms: number;
}
