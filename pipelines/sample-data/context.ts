/** What every source emitter gets: its random stream, its CSV file and the truth log. */
import type { CsvWriter } from './csv.js';
import type { Rng } from './prng.js';

export interface EmitContext {
  readonly rng: Rng;
  readonly out: CsvWriter;
  /** Records which true person a source record belongs to (written to `_truth.csv`). */
  readonly truth: (recordId: string, personId: string) => void;
}

/** Start of the simulated history; all timestamps fall in the two years after it. */
const EPOCH_MS = Date.UTC(2023, 0, 1);
const SPAN_MS = 730 * 24 * 3600 * 1000;

/** A random instant in the simulated history, as epoch milliseconds (whole seconds). */
export function randomInstant(rng: Rng, from = 0, to = 1): number {
  return EPOCH_MS + Math.floor((from + (to - from) * rng.next()) * (SPAN_MS / 1000)) * 1000;
}

/** Formats an instant as a UTC timestamp the CSV readers of DuckDB and BigQuery accept. */
export function timestamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** A money amount with two decimals. */
export const money = (amount: number) => amount.toFixed(2);
