/** Quality of a clustering against the generator's ground truth, computed in DuckDB. */
import type { DuckDBConnection } from '@duckdb/node-api';

export interface Quality {
  /** Pairwise precision: of the record pairs put together, the share that are one person. */
  readonly precision: number;
  /** Pairwise recall: of the record pairs that are one person, the share put together. */
  readonly recall: number;
  readonly clusters: number;
  /** Records in the largest cluster and the distinct true persons among them. */
  readonly largest: number;
  readonly largestPersons: number;
  readonly components: number;
}

/** Scores `table (node, component)`; only record nodes (those in `truth`) count. */
export async function quality(con: DuckDBConnection, table: string): Promise<Quality> {
  const row = (await con.runAndReadAll(`
    WITH r AS (SELECT c.component, t.person_id FROM ${table} c JOIN truth t ON c.node = t.node),
    pairs AS (SELECT
      (SELECT SUM(n * (n - 1) / 2) FROM (SELECT CAST(COUNT(*) AS DOUBLE) n FROM r GROUP BY component, person_id)) AS tp,
      (SELECT SUM(n * (n - 1) / 2) FROM (SELECT CAST(COUNT(*) AS DOUBLE) n FROM r GROUP BY component)) AS predicted,
      (SELECT SUM(n * (n - 1) / 2) FROM (SELECT CAST(COUNT(*) AS DOUBLE) n FROM r GROUP BY person_id)) AS actual),
    big AS (SELECT component, COUNT(*) AS n, COUNT(DISTINCT person_id) AS persons FROM r GROUP BY component ORDER BY n DESC LIMIT 1)
    SELECT tp / predicted, tp / actual, (SELECT COUNT(DISTINCT component) FROM r), big.n, big.persons,
      (SELECT COUNT(DISTINCT component) FROM ${table})
    FROM pairs, big`)).getRows()[0]!;
  const [precision, recall, clusters, largest, largestPersons, components] = row.map(Number) as number[];
  return { precision: precision!, recall: recall!, clusters: clusters!, largest: largest!, largestPersons: largestPersons!, components: components! };
}
