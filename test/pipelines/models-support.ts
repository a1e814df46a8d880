/**
 * Test support for the master models: compile them with identity resolution once, build the
 * generated sample with the DuckDB runner (CSV loading, models, expectations — as
 * `sluice run` does), and read sources and models back as DirectRunner rows.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CompiledProject } from '../../src/compiler/artifact/types.js';
import { compile } from '../../src/compiler/index.js';
import { runProject, type RunSummary } from '../../src/runners/duckdb/index.js';
import type { Pipeline } from '../../src/sdk/pipeline.js';
import type { SqlField } from '../../src/sdk/schema.js';
import { generate } from '../../pipelines/sample-data.js';
import { customers } from '../../pipelines/customers.js';
import { events } from '../../pipelines/events.js';
import { identity } from '../../pipelines/identity.js';
import { transactions } from '../../pipelines/transactions.js';

export type Row = Record<string, unknown>;

export const root = path.resolve(new URL('../..', import.meta.url).pathname);

/** Identity resolution and the master models, as `sluice run` would build them. */
export const masterPipelines: readonly Pipeline[] = [identity, transactions, events, customers];

/** A throw-away folder, removed by the returned function. */
export async function tempDir(prefix: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Compiles the master pipelines (the slow step: do it once per test file). */
export function compileMaster(): CompiledProject {
  return compile(masterPipelines, { root });
}

/** Writes the generated sample (scale 1 by default) into `dir`. */
export function writeSample(dir: string, scale = 1): void {
  generate(dir, { seed: 42, scale });
}

export interface Build {
  readonly summary: RunSummary;
  /** Source rows as loaded, in the DirectRunner's representation. */
  readonly sources: Record<string, Row[]>;
  /** Model rows from DuckDB, in the DirectRunner's representation. */
  readonly models: Record<string, Row[]>;
}

/** Runs the project on DuckDB over the files in `dataDir` and reads every table back. */
export async function buildOnDuckDb(compiled: CompiledProject, dataDir: string, databasePath: string): Promise<Build> {
  const summary = await runProject(compiled, { databasePath, sourcesDir: dataDir, concurrency: 1 });
  if (!summary.committed) return { summary, sources: {}, models: {} };
  const instance = await DuckDBInstance.create(databasePath);
  const conn = await instance.connect();
  try {
    const read = async (table: string, columns: readonly SqlField[]) =>
      (await conn.runAndReadAll(`SELECT * FROM ${table}`)).getRowObjectsJS().map((row) => toDirect(row, columns));
    const sources: Record<string, Row[]> = {};
    for (const s of compiled.sources) sources[s.name] = await read(`src."${s.name}"`, s.columns);
    const models: Record<string, Row[]> = {};
    for (const m of compiled.models) models[m.name] = await read(`main."${m.name}"`, m.columns);
    return { summary, sources, models };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** A DuckDB row in the DirectRunner's representation: numbers for INT64 / NUMERIC, DATE as text. */
function toDirect(row: Record<string, unknown>, columns: readonly SqlField[]): Row {
  const value = (v: unknown, kind: string): unknown => {
    if (v === null || v === undefined) return null;
    if (kind === 'INT64' || kind === 'NUMERIC') return Number(v);
    if (kind === 'DATE') return (v as Date).toISOString().slice(0, 10);
    return v;
  };
  return Object.fromEntries(
    columns.map((c) => [
      c.name,
      c.type.kind === 'ARRAY' ? (row[c.name] as unknown[] | null)?.map((v) => value(v, c.type.element!.kind)) ?? null : value(row[c.name], c.type.kind),
    ]),
  );
}

/** The data timestamp each source is cut on, to split the sample into "before" and "later". */
const TIME_COLUMN: Readonly<Record<string, string>> = {
  crm_contacts: 'updated_at',
  shop_orders: 'ordered_at',
  shop_returns: 'returned_at',
  loyalty_members: 'enrolled_at',
  pos_receipts: 'purchased_at',
  app_events: 'event_at',
};

/** Copies the CSVs of `from` into `to`, keeping rows before `cutoff` (ISO text compares as time). */
export async function cutAt(from: string, to: string, cutoff: string): Promise<void> {
  mkdirSync(to, { recursive: true });
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    for (const [source, column] of Object.entries(TIME_COLUMN)) {
      await conn.run(
        `COPY (SELECT * FROM read_csv('${path.join(from, `${source}.csv`)}', header = true, all_varchar = true) WHERE ${column} < '${cutoff}')
         TO '${path.join(to, `${source}.csv`)}' (HEADER)`,
      );
    }
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
