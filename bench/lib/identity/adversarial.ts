/**
 * An adversarial chain: records r0 … r(n-1) where r(i) and r(i+1) share key k(i), with node
 * ids in chain order, so the smallest label sits at one end and min-label propagation needs
 * one round per hop (about 2n rounds).
 */
import type { DuckDBConnection } from '@duckdb/node-api';

export async function prepareChain(con: DuckDBConnection, records: number): Promise<void> {
  await con.run(`CREATE OR REPLACE TABLE edges AS
    SELECT 'r:' || lpad(CAST(i AS VARCHAR), 6, '0') AS src, 'k:' || lpad(CAST(i AS VARCHAR), 6, '0') AS dst FROM range(${records - 1}) t(i)
    UNION ALL
    SELECT 'r:' || lpad(CAST(i + 1 AS VARCHAR), 6, '0'), 'k:' || lpad(CAST(i AS VARCHAR), 6, '0') FROM range(${records - 1}) t(i)`);
  // Ids along the chain: r0=0, k0=1, r1=2, k1=3, ...
  await con.run(`CREATE OR REPLACE TABLE node_ids AS
    SELECT node, CAST(CASE WHEN node LIKE 'r:%' THEN 2 * CAST(substr(node, 3) AS INTEGER) ELSE 2 * CAST(substr(node, 3) AS INTEGER) + 1 END AS INTEGER) AS id
    FROM (SELECT src AS node FROM edges UNION SELECT dst FROM edges)`);
  await con.run(`CREATE OR REPLACE TABLE int_edges AS
    SELECT s.id AS a, d.id AS b FROM edges e JOIN node_ids s ON e.src = s.node JOIN node_ids d ON e.dst = d.node`);
}
