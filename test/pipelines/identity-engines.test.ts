/**
 * pipelines/identity.ts on a small generated sample, built on DuckDB (as `sluice run` does)
 * and on ZetaSQL's reference implementation of BigQuery (the BigQuery programs and DDL, run by
 * runModelsOnZetaSql): every identity model must hold the same rows on both engines, on a
 * first run over the data up to a cut-off date and on an incremental run over all of it that
 * reads the first run's registry.
 */
import { expect } from 'chai';
import path from 'node:path';
import { compile } from '../../src/compiler/index.js';
import { runModelsOnZetaSql, zetaSqlTableNames } from '../../src/validate/zetasql/program-models.js';
import { getSharedZetaSql } from '../../src/validate/zetasql/shared.js';
import { generate } from '../../pipelines/sample-data.js';
import { identity } from '../../pipelines/identity.js';
import { buildOnDuckDb, cutAt, root, tempDir, type Build, type Row } from './models-support.js';

/** Small enough for ZetaSQL's reference evaluator (60 persons, about 1,000 source rows). */
const SCALE = 0.2;
const CUTOFF = '2024-03-01';

/** Rows as comparable text, sorted: equal lists are equal multisets of rows. */
const multiset = (rows: readonly Row[]) =>
  rows.map((r) => JSON.stringify(Object.keys(r).sort().map((k) => [k, r[k] instanceof Date ? (r[k] as Date).toISOString() : r[k]]))).sort();

describe('pipelines/identity.ts on DuckDB and on ZetaSQL (BigQuery semantics)', function () {
  this.timeout(120_000);
  const compiled = compile([identity], { root, names: { bigquery: zetaSqlTableNames } });
  const models = compiled.models.map((m) => m.name);
  const runs: { duck: Build; zeta: Record<string, Row[]> }[] = [];
  let remove = async () => {};

  before(async () => {
    const work = await tempDir('sluice-identity-engines-');
    remove = work.remove;
    const [full, early, db] = ['full', 'early', 'identity.duckdb'].map((f) => path.join(work.dir, f)) as [string, string, string];
    generate(full, { seed: 42, scale: SCALE });
    await cutAt(full, early, CUTOFF);
    const zeta = await getSharedZetaSql();
    let previous: Row[] = [];
    for (const data of [early, full]) {
      const started = performance.now();
      const duck = await buildOnDuckDb(compiled, data, db);
      expect(duck.summary.ok, JSON.stringify(duck.summary.expectations.filter((e) => e.status !== 'pass'))).to.equal(true);
      const built = performance.now();
      // ZetaSQL reads the sources as DuckDB loaded them, and its own last registry.
      const out = await runModelsOnZetaSql(zeta, compiled, { sources: duck.sources, previous: { customer_registry: previous } });
      const count = (tables: Record<string, readonly unknown[]>) => Object.values(tables).reduce((n, rows) => n + rows.length, 0);
      console.log(
        `      ${path.basename(data)}: ${count(duck.sources)} source rows → ${count(duck.models)} model rows; ` +
          `DuckDB ${Math.round(built - started)} ms, ZetaSQL ${Math.round(performance.now() - built)} ms`,
      );
      const zetaRows = Object.fromEntries(Object.entries(out).map(([m, r]) => [m, r.rows]));
      previous = zetaRows.customer_registry!;
      runs.push({ duck, zeta: zetaRows });
    }
  });
  after(() => remove());

  for (const [i, label] of ['first run (data up to the cut-off)', 'incremental run (all data, previous registry)'].entries()) {
    it(`holds the same rows in every identity model on the ${label}`, () => {
      const { duck, zeta } = runs[i]!;
      for (const model of models) {
        expect(multiset(zeta[model]!), `${model}`).to.deep.equal(multiset(duck.models[model]!));
      }
    });
  }

  it('compares runs that exercise the registry: clusters of several sources, new ids and merges on the incremental run', () => {
    const [first, second] = runs as [(typeof runs)[0], (typeof runs)[0]];
    const sources = new Map<unknown, Set<unknown>>();
    for (const r of second.zeta.identity_records!) sources.set(r.customer_id, (sources.get(r.customer_id) ?? new Set()).add(r.source));
    expect(Math.max(...[...sources.values()].map((s) => s.size))).to.be.at.least(3);
    const before = new Set(first.zeta.customer_registry!.map((r) => r.customer_id));
    expect(second.zeta.customer_registry!.filter((r) => !before.has(r.customer_id))).to.not.be.empty;
    expect(second.zeta.identity_records!.length).to.be.greaterThan(first.zeta.identity_records!.length);
  });
});
