/**
 * The differential property: random source rows through the three engines; every model's
 * rows must be equal as multisets. Runs and seed come from SLUICE_FC_RUNS (default 25) and
 * SLUICE_FC_SEED; `npm run test:deep` raises the runs. fast-check shrinks a failure to a
 * minimal counter-example and prints it with the seed that reproduces it.
 */
import fc from 'fast-check';
import { rowsOf } from './arbitraries.js';
import { canonical, engineFailed, rowsDiffer } from './compare.js';
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
 * Array columns whose element order is unspecified, per model: compared as multisets. Only
 * for documented unspecified behaviour (e.g. arrayAgg without `order`).
 */
export type UnorderedArrays = Readonly<Record<string, readonly string[]>>;

/** Sorts the arrays of `columns` in each row by their canonical text. */
function sortArrays(rows: readonly Row[], columns: readonly string[] = []): Row[] {
  if (columns.length === 0) return [...rows];
  return rows.map((row) => {
    const copy = { ...row };
    for (const c of columns) if (Array.isArray(copy[c])) copy[c] = [...(copy[c] as unknown[])].sort((a, b) => (canonical(a) < canonical(b) ? -1 : canonical(a) > canonical(b) ? 1 : 0));
    return copy;
  });
}

/**
 * Runs the engines on `sources` and returns every disagreement, one message per model and
 * engine (empty when all agree). `only` restricts the comparison to some models.
 */
export async function disagreements(fixture: Fixture, sources: Rows, only?: readonly string[], unordered: UnorderedArrays = {}): Promise<string[]> {
  const rows = await runEngines(fixture, sources, only);
  const messages: string[] = [];
  for (const model of fixture.compiled.models) {
    if (only && !only.includes(model.name)) continue;
    const direct = sortArrays(rows.direct[model.name]!, unordered[model.name]);
    for (const [engine, outcome] of [['DuckDB', rows.duckdb[model.name]!], ['ZetaSQL (BigQuery SQL)', rows.zetasql[model.name]!]] as const) {
      const difference = 'error' in outcome ? engineFailed(model, engine, outcome.error) : rowsDiffer(model, engine, direct, sortArrays(outcome.rows, unordered[model.name]));
      if (difference) messages.push(difference);
    }
  }
  return messages;
}

/** Asserts the property over `fixture`: fails with every disagreement of the shrunk case. */
export async function assertEnginesAgree(
  fixture: Fixture,
  options: {
    readonly generators?: Readonly<Record<string, Readonly<Record<string, fc.Arbitrary<unknown>>>>>;
    readonly only?: readonly string[];
    readonly unordered?: UnorderedArrays;
  } = {},
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(sourceRows(fixture, options.generators), async (sources) => {
      const messages = await disagreements(fixture, sources, options.only, options.unordered);
      if (messages.length > 0) throw new Error(`fixture ${fixture.name}:\n${messages.join('\n\n')}`);
    }),
    runParameters(),
  );
}
