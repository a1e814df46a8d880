/**
 * The in-memory baseline: union-find in plain TypeScript over the integer edge table, streamed
 * out of DuckDB in chunks. Load time and compute time are reported separately.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { UnionFind } from '../../../src/identity/components/union-find.js';

export interface UnionFindResult {
  readonly loadMs: number;
  readonly computeMs: number;
  readonly components: number;
  readonly largest: number;
}

export async function runUnionFind(con: DuckDBConnection): Promise<UnionFindResult> {
  const t0 = performance.now();
  const n = Number((await con.runAndReadAll('SELECT COUNT(*) FROM node_ids')).getRows()[0]![0]);
  const m = Number((await con.runAndReadAll('SELECT COUNT(*) FROM int_edges')).getRows()[0]![0]);
  const a = new Int32Array(m);
  const b = new Int32Array(m);
  let at = 0;
  const result = await con.stream('SELECT a, b FROM int_edges');
  for await (const chunk of result) {
    const xs = chunk.getColumnValues(0) as number[];
    const ys = chunk.getColumnValues(1) as number[];
    a.set(xs, at);
    b.set(ys, at);
    at += xs.length;
  }
  const t1 = performance.now();
  const uf = new UnionFind(n);
  for (let i = 0; i < m; i++) uf.union(a[i]!, b[i]!);
  const sizes = new Int32Array(n);
  for (let i = 0; i < n; i++) sizes[uf.find(i)]!++;
  const t2 = performance.now();
  let components = 0;
  let largest = 0;
  for (let i = 0; i < n; i++) if (sizes[i]! > 0) (components++, (largest = Math.max(largest, sizes[i]!)));
  return { loadMs: t1 - t0, computeMs: t2 - t1, components, largest };
}
