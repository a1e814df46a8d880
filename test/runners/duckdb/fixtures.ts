/** Shared helpers for the DuckDB runner tests: temp dirs, sources and models by hand. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CompiledModel, CompiledSource } from '../../../src/compiler/artifact/types.js';
import type { SqlField, SqlType } from '../../../src/sdk/schema.js';

export const site = { file: '/project/pipelines/p.ts', line: 3, column: 7 };

export const T = (kind: SqlType['kind'], nullable = false, extra: Partial<SqlType> = {}): SqlType => ({ kind, nullable, ...extra });

export function field(name: string, type: SqlType): SqlField {
  return { name, type };
}

export function sourceOf(name: string, columns: SqlField[]): CompiledSource {
  return { name, columns, site };
}

/** A temp directory holding the given files. */
export async function dirWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sluice-duck-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

/** A table model with hand-written DuckDB SQL (BigQuery SQL is irrelevant to the runner). */
export function model(
  name: string,
  select: string,
  options: { deps?: string[]; sources?: string[]; columns?: SqlField[]; readsPrevious?: string[]; materialize?: 'view' | 'table'; expectations?: CompiledModel['expectations'] } = {},
): CompiledModel {
  const materialize = options.materialize ?? 'table';
  const ddl = `CREATE OR REPLACE ${materialize.toUpperCase()} main."${name}" AS ${select}`;
  return {
    name,
    pipeline: 'p',
    materialize,
    columns: options.columns ?? [],
    clusterBy: [],
    labels: {},
    dependsOn: { models: options.deps ?? [], sources: options.sources ?? [] },
    readsPrevious: options.readsPrevious ?? [],
    query: { duckdb: select, bigquery: select },
    ddl: { duckdb: ddl, bigquery: ddl },
    expectations: options.expectations ?? [],
    lineage: [],
    fingerprint: `fp_${name}`,
    site: { ...site, line: 10 + name.length },
  };
}
