/**
 * Scores the splink example's clusters against the true `cluster` column: pairwise precision
 * (of the record pairs put together, how many are one person) and recall (of the pairs that
 * are one person, how many were put together).
 *
 *   npx tsx examples/splink/score.ts [--data DIR] [--file fake_1000] [--database FILE]
 *
 * Run the pipeline first: node bin/sluice.js run -C examples/splink --data DIR
 * (SPLINK_FILE=fake_20000 for the larger set, and --file fake_20000 here).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import path from 'node:path';
import { parseArgs } from 'node:util';

export interface PairScore {
  readonly records: number;
  readonly truePairs: number;
  readonly predictedPairs: number;
  readonly correctPairs: number;
  readonly precision: number;
  readonly recall: number;
}

const pairs = (n: number) => (n * (n - 1)) / 2;

/**
 * Pairwise precision and recall of `predicted` against `truth` (both record → cluster
 * label, over the same records). Counts pairs through cluster sizes, never listing them.
 */
export function pairScore(truth: ReadonlyMap<string, string>, predicted: ReadonlyMap<string, string>): PairScore {
  const sizes = (labels: Iterable<string>) => {
    const counts = new Map<string, number>();
    for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
    return [...counts.values()].reduce((sum, n) => sum + pairs(n), 0);
  };
  const both = [...truth.keys()].map((id) => {
    const p = predicted.get(id);
    if (p === undefined) throw new Error(`record ${id} has no predicted cluster`);
    return JSON.stringify([truth.get(id), p]);
  });
  const truePairs = sizes(truth.values());
  const predictedPairs = sizes(predicted.values());
  const correctPairs = sizes(both);
  return {
    records: truth.size,
    truePairs,
    predictedPairs,
    correctPairs,
    precision: predictedPairs === 0 ? 1 : correctPairs / predictedPairs,
    recall: truePairs === 0 ? 1 : correctPairs / truePairs,
  };
}

/** Reads the true and the predicted clusters; a record without any match key is its own cluster. */
export async function readClusters(csvFile: string, database: string): Promise<{ truth: Map<string, string>; predicted: Map<string, string> }> {
  const instance = await DuckDBInstance.create(database, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  try {
    const escaped = csvFile.replaceAll("'", "''");
    const rows = (await conn.runAndReadAll(
      `SELECT CAST(t.unique_id AS VARCHAR) AS id, CAST(t.cluster AS VARCHAR) AS cluster, r.customer_id
       FROM read_csv('${escaped}', header = true, all_varchar = true) AS t
       LEFT JOIN main.identity_records AS r ON r.record_id = CAST(t.unique_id AS VARCHAR)`,
    )).getRowObjectsJS() as { id: string; cluster: string; customer_id: string | null }[];
    return {
      truth: new Map(rows.map((r) => [r.id, r.cluster])),
      predicted: new Map(rows.map((r) => [r.id, r.customer_id ?? `alone:${r.id}`])),
    };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

async function main(): Promise<void> {
  const here = path.dirname(new URL(import.meta.url).pathname);
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: '/work/shared/datasets/splink' },
      file: { type: 'string', default: 'fake_1000' },
      database: { type: 'string', default: path.join(here, '.sluice/local.duckdb') },
    },
  });
  const { truth, predicted } = await readClusters(path.join(values.data!, `${values.file}.csv`), values.database!);
  const s = pairScore(truth, predicted);
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  console.log(`${values.file}: ${s.records} records, ${new Set(predicted.values()).size} clusters found, ${new Set(truth.values()).size} true`);
  console.log(`pairs: ${s.truePairs} true, ${s.predictedPairs} predicted, ${s.correctPairs} correct`);
  console.log(`precision ${pct(s.precision)}  recall ${pct(s.recall)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) await main();
