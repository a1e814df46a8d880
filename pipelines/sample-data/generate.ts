/**
 * Writes the sample data set: one CSV per source plus `_truth.csv` (source, record_id,
 * person_id) for tests and benchmarks. Each source draws from its own random stream derived
 * from the seed, so the output is byte-identical for the same seed and scale.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { EmitContext } from './context.js';
import { CRM_COLUMNS, emitCrm } from './crm.js';
import { CsvWriter } from './csv.js';
import { EVENT_COLUMNS, emitEvents } from './events.js';
import { LOYALTY_COLUMNS, emitLoyalty } from './loyalty.js';
import { population } from './people.js';
import { POS_COLUMNS, emitPos } from './pos.js';
import { Rng } from './prng.js';
import { ORDER_COLUMNS, RETURN_COLUMNS, emitShop } from './shop.js';

export interface GenerateOptions {
  /** Seed of every random choice; the same seed gives the same bytes. Default 42. */
  seed?: number;
  /** Size multiplier: scale 1 is about 300 persons and a few thousand rows. Default 1. */
  scale?: number;
}

export interface GenerateResult {
  readonly dir: string;
  /** Persons in the population (walk-ins and anonymous visitors not included). */
  readonly persons: number;
  /** Rows written per source name (and `_truth`). */
  readonly rows: Readonly<Record<string, number>>;
}

/** File name of the ground truth: which true person each source record belongs to. */
export const TRUTH_FILE = '_truth.csv';

/** Persons per unit of scale. */
const PERSONS_PER_SCALE = 300;

/** Generates the sample data into `dir` (created if missing); see {@link GenerateOptions}. */
export function generate(dir: string, options: GenerateOptions = {}): GenerateResult {
  const seed = options.seed ?? 42;
  const scale = options.scale ?? 1;
  if (!(scale > 0)) throw new Error(`scale must be positive, got ${scale}`);
  mkdirSync(dir, { recursive: true });
  const count = Math.max(1, Math.round(PERSONS_PER_SCALE * scale));
  const persons = population(new Rng(seed, 'population'), count);

  const truth = new CsvWriter(path.join(dir, TRUTH_FILE), ['source', 'record_id', 'person_id']);
  const writers: CsvWriter[] = [truth];
  const context = (source: string, columns: readonly string[]): EmitContext => {
    const out = new CsvWriter(path.join(dir, `${source}.csv`), columns);
    writers.push(out);
    return { rng: new Rng(seed, source), out, truth: (id, person) => truth.row([source, id, person]) };
  };

  try {
    emitCrm(context('crm_contacts', CRM_COLUMNS), persons);
    emitShop(context('shop_orders', ORDER_COLUMNS), context('shop_returns', RETURN_COLUMNS), persons);
    const cards = emitLoyalty(context('loyalty_members', LOYALTY_COLUMNS), persons);
    emitPos(context('pos_receipts', POS_COLUMNS), persons, cards, Math.round(count * 0.3));
    emitEvents(context('app_events', EVENT_COLUMNS), persons, Math.round(count * 0.2));
  } finally {
    for (const w of writers) w.close();
  }
  const rows: Record<string, number> = {};
  for (const w of writers) rows[path.basename(w.file, '.csv')] = w.rows;
  return { dir, persons: count, rows };
}
