/**
 * The identity benchmark's workload: sample data generated (once, cached under
 * bench/.work/identity/) at a size, loaded into DuckDB, turned into match keys with the
 * identity normalizers and into the record ↔ key edge table with blocking and degree caps.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generate, TRUTH_FILE } from '../../../pipelines/sample-data.js';
import { emailKeySql, nameKeySql, phoneKeySql } from '../../../src/identity/normalize/index.js';
import { identityGraphProgram, type KeyRule } from '../../../src/identity/graph.js';
import { runOnDuckDB } from '../../../src/runners/duckdb/program.js';
import { duckdbFunctions as f } from '../../../src/identity/sql/functions.js';

/** Source rows per unit of generator scale (measured at scale 1, seed 42). */
const ROWS_PER_SCALE = 4_104;

/** Over-merge protection used by the benchmark (and proposed as the pipeline default). */
export const RULES: readonly KeyRule[] = [
  { type: 'email', blocked: ['test@test.com', 'geen@geen.nl', 'x@x.x'], blockedPatterns: ['^noemail@'], maxDegree: 500 },
  { type: 'phone', blocked: ['+31612345678'], maxDegree: 50 },
  { type: 'name', maxDegree: 50 },
  { type: 'device', maxDegree: 5_000 },
  { type: 'loyalty', maxDegree: 1_000 },
  { type: 'account', maxDegree: 1_000 },
  { type: 'order', maxDegree: 50 },
];

/** Generates (or reuses) the sample data for about `records` source rows; returns its directory. */
export function sampleData(workDir: string, records: number, seed: number): string {
  const scale = Math.max(0.1, Math.round((records / ROWS_PER_SCALE) * 100) / 100);
  const dir = path.join(workDir, `seed${seed}-scale${scale}`);
  const marker = path.join(dir, '.complete');
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== String(scale)) {
    generate(dir, { seed, scale });
    writeFileSync(marker, String(scale));
  }
  return dir;
}

const recordId = (source: string, column: string) => `CONCAT('${source}:', ${column})`;

/** Match keys of every source, as (record_id, key_type, key_value). */
function keysSql(): string {
  const person = (source: string, id: string) => [
    `SELECT ${recordId(source, id)} AS record_id, 'email' AS key_type, ${emailKeySql(f, 'email')} AS key_value FROM ${source}`,
    `SELECT ${recordId(source, id)}, 'phone', ${phoneKeySql(f, 'phone', 'country')} FROM ${source}`,
    `SELECT ${recordId(source, id)}, 'name', ${nameKeySql(f, 'first_name', 'last_name', 'postcode')} FROM ${source}`,
  ];
  return [
    ...person('crm_contacts', 'contact_id'),
    ...person('shop_orders', 'order_id'),
    `SELECT ${recordId('shop_orders', 'order_id')}, 'account', account_id FROM shop_orders`,
    `SELECT ${recordId('shop_orders', 'order_id')}, 'order', order_id FROM shop_orders`,
    `SELECT ${recordId('shop_returns', 'return_id')}, 'order', order_id FROM shop_returns`,
    ...person('loyalty_members', 'loyalty_id'),
    `SELECT ${recordId('loyalty_members', 'loyalty_id')}, 'loyalty', loyalty_id FROM loyalty_members`,
    `SELECT ${recordId('pos_receipts', 'receipt_id')}, 'loyalty', loyalty_card_id FROM pos_receipts`,
    `SELECT ${recordId('app_events', 'event_id')}, 'device', device_id FROM app_events`,
    `SELECT ${recordId('app_events', 'event_id')}, 'email', ${emailKeySql(f, 'email')} FROM app_events`,
  ].join('\nUNION ALL ');
}

export interface Workload {
  readonly records: number;
  readonly keys: number;
  readonly edges: number;
  readonly droppedByReason: Readonly<Record<string, number>>;
  readonly prepareMs: number;
}

/**
 * Loads the CSVs in `dir` and creates tables `truth (node, person_id)`, `keys`, `edges (src, dst)`
 * and `dropped`, plus `node_ids (node, id)` and `int_edges (a, b)` for the in-memory baselines.
 */
export async function prepare(con: DuckDBConnection, dir: string): Promise<Workload> {
  const start = performance.now();
  for (const source of ['crm_contacts', 'shop_orders', 'shop_returns', 'loyalty_members', 'pos_receipts', 'app_events']) {
    await con.run(`CREATE OR REPLACE TABLE ${source} AS SELECT * FROM read_csv('${path.join(dir, `${source}.csv`)}', header = true, all_varchar = true)`);
  }
  await con.run(`CREATE OR REPLACE TABLE truth AS SELECT CONCAT(source, ':', record_id) AS node, person_id
    FROM read_csv('${path.join(dir, TRUTH_FILE)}', header = true, all_varchar = true)`);
  await con.run(`CREATE OR REPLACE TABLE keys AS ${keysSql()}`);
  await runOnDuckDB(con, identityGraphProgram(f, { keys: ['keys'], edges: ['edges'], dropped: ['dropped'], rules: RULES }));
  await con.run(`CREATE OR REPLACE TABLE node_ids AS
    SELECT node, CAST(ROW_NUMBER() OVER (ORDER BY node) - 1 AS INTEGER) AS id FROM (SELECT src AS node FROM edges UNION SELECT dst FROM edges)`);
  await con.run(`CREATE OR REPLACE TABLE int_edges AS
    SELECT s.id AS a, d.id AS b FROM edges e JOIN node_ids s ON e.src = s.node JOIN node_ids d ON e.dst = d.node`);
  const count = async (sql: string) => Number((await con.runAndReadAll(sql)).getRows()[0]![0]);
  const dropped = (await con.runAndReadAll('SELECT reason, COUNT(*) FROM dropped GROUP BY reason ORDER BY reason')).getRows();
  return {
    records: await count('SELECT COUNT(*) FROM truth'),
    keys: await count('SELECT COUNT(*) FROM keys WHERE key_value IS NOT NULL'),
    edges: await count('SELECT COUNT(*) FROM edges WHERE src <> dst'),
    droppedByReason: Object.fromEntries(dropped.map(([r, n]) => [String(r), Number(n)])),
    prepareMs: performance.now() - start,
  };
}
