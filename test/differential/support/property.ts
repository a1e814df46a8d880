/**
 * The differential property: random source rows through the three engines; every model's
 * rows must be equal as multisets. Runs and seed come from SLUICE_FC_RUNS (default 25) and
 * SLUICE_FC_SEED; `npm run test:deep` raises the runs. fast-check shrinks a failure to a
 * minimal counter-example and prints it with the seed that reproduces it.
 */
import fc from 'fast-check';
import { rowsOf } from './arbitraries.js';
import { engineFailed, rowsDiffer } from './compare.js';
import { runEngines, type Fixture, type Row, type Rows } from './engines.js';

/** fast-check parameters from the environment. */
export function runParameters(): fc.Parameters<unknown> {
  const runs = Number(process.env.SLUICE_FC_RUNS ?? 25);
  const seed = process.env.SLUICE_FC_SEED;
  return { numRuns: runs, ...(seed !== undefined ? { seed: Number(seed) } : {}), endOnFailure: false };
}

/** Source rows for every source the fixture's models read. */
export function sourceRows(fixture: Fixture, generators: Readonly<Record<string, Readonly<Record<string, fc.Arbitrary<unknown>>>>> = {}): fc.Arbitrary<Rows> {
  const record: Record<string, fc.Arbitrary<Row[]>> = {};
  for (const source of fixture.compiled.sources) record[source.name] = rowsOf(source.columns, generators[source.name]);
  return fc.record(record);
}

/**
 * Runs the engines on `sources` and returns every disagreement, one message per model and
 * engine (empty when all agree). `only` restricts the comparison to some models.
 */
export async function disagreements(fixture: Fixture, sources: Rows, only?: readonly string[]): Promise<string[]> {
  const rows = await runEngines(fixture, sources, only);
  const messages: string[] = [];
  for (const model of fixture.compiled.models) {
    if (only && !only.includes(model.name)) continue;
    const direct = rows.direct[model.name]!;
    for (const [engine, outcome] of [['DuckDB', rows.duckdb[model.name]!], ['ZetaSQL (BigQuery SQL)', rows.zetasql[model.name]!]] as const) {
      const difference = 'error' in outcome ? engineFailed(model, engine, outcome.error) : rowsDiffer(model, engine, direct, outcome.rows);
      if (difference) messages.push(difference);
    }
  }
  return messages;
}

/** Asserts the property over `fixture`: fails with every disagreement of the shrunk case. */
export async function assertEnginesAgree(
  fixture: Fixture,
  generators?: Readonly<Record<string, Readonly<Record<string, fc.Arbitrary<unknown>>>>>,
  only?: readonly string[],
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(sourceRows(fixture, generators), async (sources) => {
      const messages = await disagreements(fixture, sources, only);
      if (messages.length > 0) throw new Error(`fixture ${fixture.name}:\n${messages.join('\n\n')}`);
    }),
    runParameters(),
  );
}
