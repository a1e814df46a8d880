/** DuckDB helpers shared by the identity specs. */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { duckdbQuoting } from '../../src/compiler/programs/quoting.js';

export async function openDuckDB(): Promise<{ con: DuckDBConnection; close: () => void }> {
  const db = await DuckDBInstance.create(':memory:', { threads: '2' });
  const con = await db.connect();
  return { con, close: () => (con.closeSync(), db.closeSync()) };
}

/** Creates table `name` (unquoted; any characters) `(src, dst)` and appends the edges. */
export async function loadEdges(
  con: DuckDBConnection,
  name: string,
  edges: readonly (readonly [number | string | null, number | string | null])[],
  type: 'BIGINT' | 'VARCHAR' = 'BIGINT',
): Promise<void> {
  await con.run(`CREATE OR REPLACE TABLE ${duckdbQuoting.ident(name)} (src ${type}, dst ${type})`);
  const appender = await con.createAppender(name);
  for (const edge of edges) {
    for (const v of edge) {
      if (v === null) appender.appendNull();
      else if (type === 'BIGINT') appender.appendBigInt(BigInt(v));
      else appender.appendVarchar(String(v));
    }
    appender.endRow();
  }
  appender.closeSync();
}

/** Reads a (node, component) table into a Map keyed by node. */
export async function readComponents(con: DuckDBConnection, table: string): Promise<Map<string, string>> {
  const rows = (await con.runAndReadAll(`SELECT node, component FROM ${table}`)).getRows();
  return new Map(rows.map(([n, c]) => [String(n), String(c)]));
}

/** A seeded permutation of 0..n-1 (Fisher–Yates over a small LCG; deterministic). */
export function shuffled(n: number, seed: number): number[] {
  const out = Array.from({ length: n }, (_, i) => i);
  let s = seed >>> 0;
  for (let i = n - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
