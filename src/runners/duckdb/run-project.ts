/**
 * The local run: load sources, build models, check expectations, all in a working copy of
 * the database file that replaces the original only if the run succeeded.
 */
import type { CompiledProject } from '../../compiler/artifact/types.js';
import { buildModels } from './build-models.js';
import { Database } from './database.js';
import type { ExpectationResult, ModelResult, RunEvent, RunSummary } from './events.js';
import { checkExpectation } from './expectations.js';
import { loadSources, type LoadedSource } from './load-sources.js';
import { selectModels } from './select.js';
import { withWorkingCopy } from './working-copy.js';

export interface RunOptions {
  /** The DuckDB file to build (created if missing). */
  readonly databasePath: string;
  /** Folder with one `<source>.csv|.parquet|.ndjson|.jsonl` per source. */
  readonly sourcesDir: string;
  /** Models built at the same time (default 4). */
  readonly concurrency?: number;
  /** `name`, `+name` (with upstream), `name+` (with downstream); default every model. */
  readonly select?: readonly string[];
  readonly onEvent?: (event: RunEvent) => void;
  /** Folder holding the compiled SQL, cited in error hints. */
  readonly sqlDir?: string;
}

/**
 * Runs the project on DuckDB. Throws a SluiceError when a source cannot be loaded or a
 * model fails to build; returns a summary with `ok: false` when an error-severity
 * expectation fails. Either way a failed run leaves the database file as it was.
 */
export async function runProject(compiled: CompiledProject, options: RunOptions): Promise<RunSummary> {
  const started = performance.now();
  const concurrency = options.concurrency ?? 4;
  const selected = selectModels(compiled.models, options.select ?? []);
  const needed = new Set(selected.flatMap((m) => m.dependsOn.sources));
  const sources = options.select?.length ? compiled.sources.filter((s) => needed.has(s.name)) : compiled.sources;
  const emit = options.onEvent ?? (() => {});

  let loaded: LoadedSource[] = [];
  let models: ModelResult[] = [];
  let expectations: ExpectationResult[] = [];
  const committed = await withWorkingCopy(options.databasePath, async (work) => {
    const db = await Database.open(work, concurrency);
    let ok = false;
    try {
      loaded = await db.use((conn) =>
        loadSources(conn, sources, options.sourcesDir, (source) => {
          emit({ kind: 'source-loaded', source });
          if (source.ignoredColumns.length) {
            emit({ kind: 'warning', message: `source '${source.name}': ignoring columns not declared: ${source.ignoredColumns.join(', ')}` });
          }
        }),
      );
      models = await buildModels(db, selected, compiled.models, {
        concurrency,
        onEvent: emit,
        ...(options.sqlDir !== undefined ? { sqlDir: options.sqlDir } : {}),
      });
      expectations = await Promise.all(
        selected.flatMap((m) =>
          m.expectations.map(async (e) => {
            const result = await db.use((conn) => checkExpectation(conn, m.name, e));
            emit({ kind: 'expectation', result });
            return result;
          }),
        ),
      );
      ok = expectations.every((e) => e.status !== 'fail');
    } finally {
      await db.close({ checkpoint: ok });
    }
    return ok;
  });
  return {
    ok: committed,
    committed,
    sources: loaded,
    models,
    expectations,
    ms: Math.round(performance.now() - started),
  };
}
