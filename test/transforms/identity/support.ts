/**
 * Test support for identity resolution: build the identity pipeline on a DuckDB file from a
 * folder of source files (as `sluice run` does, so `p.previous` sees the last run), read
 * models back, and score clusters against the sample generator's ground truth.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compile, type CompiledProject } from '../../../src/compiler/index.js';
import { runProject } from '../../../src/runners/duckdb/index.js';
import type { Pipeline } from '../../../src/sdk/index.js';

export type Row = Record<string, unknown>;

const compiled = new Map<Pipeline, CompiledProject>();

/** Compiles a pipeline once per test process (compiling is the slow part). */
export function compiledOnce(p: Pipeline): CompiledProject {
  let c = compiled.get(p);
  if (!c) {
    c = compile([p], { root: process.cwd() });
    compiled.set(p, c);
  }
  return c;
}

/** Runs the pipeline on `databasePath` with sources from `sourcesDir`; throws on any failure. */
export async function build(p: Pipeline, databasePath: string, sourcesDir: string): Promise<void> {
  mkdirSync(path.dirname(databasePath), { recursive: true });
  const summary = await runProject(compiledOnce(p), { databasePath, sourcesDir, concurrency: 2 });
  const failed = summary.expectations.filter((e) => e.status !== 'pass');
  if (!summary.ok || failed.length) {
    throw new Error(`identity run failed: ${JSON.stringify(failed.map((e) => ({ name: e.name, failures: e.failures, samples: e.samples })))}`);
  }
}

/** Rows of a query on a DuckDB file (opened read-only). Timestamps come back as ISO strings. */
export async function query(databasePath: string, sql: string): Promise<Row[]> {
  const instance = await DuckDBInstance.create(databasePath, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  try {
    const rows = (await conn.runAndReadAll(sql)).getRowObjectsJson();
    return rows as Row[];
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** `source:record_id` → true person id, from the generator's `_truth.csv`. */
export function readTruth(dir: string): Map<string, string> {
  const truth = new Map<string, string>();
  for (const line of readFileSync(path.join(dir, '_truth.csv'), 'utf8').trim().split('\n').slice(1)) {
    const [source, record, person] = line.split(',');
    truth.set(`${source}:${record}`, person!);
  }
  return truth;
}

export interface PairQuality {
  readonly precision: number;
  readonly recall: number;
  /** Records scored (those with a customer id and a true person). */
  readonly records: number;
}

const pairs = (n: number) => (n * (n - 1)) / 2;

/** Pairwise precision and recall of `customerOf` (record → customer) against `truth`. */
export function pairwiseQuality(customerOf: ReadonlyMap<string, string>, truth: ReadonlyMap<string, string>): PairQuality {
  const count = (key: (record: string, customer: string, person: string) => string) => {
    const sizes = new Map<string, number>();
    for (const [record, customer] of customerOf) {
      const person = truth.get(record);
      if (person === undefined) continue;
      const k = key(record, customer, person);
      sizes.set(k, (sizes.get(k) ?? 0) + 1);
    }
    return [...sizes.values()].reduce((sum, n) => sum + pairs(n), 0);
  };
  const both = count((_, c, p) => `${c}\u0000${p}`);
  const predicted = count((_, c) => c);
  const actual = count((_, __, p) => p);
  const records = [...customerOf.keys()].filter((r) => truth.has(r)).length;
  return { precision: predicted ? both / predicted : 1, recall: actual ? both / actual : 1, records };
}
