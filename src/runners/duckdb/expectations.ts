/** Runs a model's expectations: each is a query returning the rows that violate it. */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { CompiledExpectation } from '../../compiler/artifact/types.js';
import { SluiceError } from '../../sdk/errors.js';
import type { ExpectationResult } from './events.js';

/** How many failing rows are kept as samples. */
export const SAMPLE_ROWS = 5;

/** Counts the rows violating `expectation` of `model` and keeps a few as samples. */
export async function checkExpectation(conn: DuckDBConnection, model: string, expectation: CompiledExpectation): Promise<ExpectationResult> {
  const sql = expectation.sql.duckdb;
  let failures: number;
  let samples: Record<string, unknown>[];
  try {
    const count = await conn.runAndReadAll(`SELECT count(*) AS n FROM (${sql}) AS failing`);
    failures = Number(count.getRowObjectsJS()[0]!.n);
    samples = failures ? (await conn.runAndReadAll(`SELECT * FROM (${sql}) AS failing LIMIT ${SAMPLE_ROWS}`)).getRowObjectsJson() : [];
  } catch (e) {
    throw new SluiceError(`expectation '${expectation.name}' could not run on DuckDB: ${firstLine(e)}`, expectation.site);
  }
  const status = failures === 0 ? 'pass' : expectation.severity === 'error' ? 'fail' : 'warn';
  return {
    name: expectation.name,
    model,
    description: expectation.description,
    severity: expectation.severity,
    site: expectation.site,
    failures,
    samples,
    status,
  };
}

export function firstLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.split('\n').filter((l) => l.trim())[0] ?? message;
}
