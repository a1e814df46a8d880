import { expect } from 'chai';
import { DuckDBInstance } from '@duckdb/node-api';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { CompiledExpectation, CompiledProject } from '../../../src/compiler/artifact/types.js';
import { runProject } from '../../../src/runners/duckdb/run-project.js';
import type { RunEvent } from '../../../src/runners/duckdb/events.js';
import { SluiceError } from '../../../src/sdk/errors.js';
import { dirWith, field, model, site, sourceOf, T } from './fixtures.js';

const orders = sourceOf('orders', [field('id', T('INT64')), field('customer', T('STRING')), field('amount', T('INT64'))]);
const csv = 'id,customer,amount\n1,ann,10\n2,bob,20\n3,ann,5\n';

function expectation(name: string, sql: string, severity: 'error' | 'warn' = 'error'): CompiledExpectation {
  return { name, kind: 'rowCondition', severity, description: `${name} holds`, site, sql: { duckdb: sql, bigquery: sql } };
}

function project(): CompiledProject {
  return {
    sources: [orders],
    models: [
      model('clean', 'SELECT id, customer, amount FROM src.orders', { sources: ['orders'] }),
      model('per_customer', 'SELECT customer, sum(amount) AS total FROM main.clean GROUP BY customer', { deps: ['clean'] }),
      model('big', 'SELECT * FROM main.clean WHERE amount >= 10', { deps: ['clean'], materialize: 'view' }),
      model('report', 'SELECT (SELECT count(*) FROM main.per_customer) AS customers, (SELECT count(*) FROM main.big) AS big', {
        deps: ['per_customer', 'big'],
        expectations: [
          expectation('report.has_rows', 'SELECT * FROM main.report WHERE customers = 0'),
          expectation('report.two_big', 'SELECT * FROM main.report WHERE big <> 2'),
        ],
      }),
    ],
  };
}

async function query(file: string, sql: string) {
  const instance = await DuckDBInstance.create(file);
  const conn = await instance.connect();
  try {
    return (await conn.runAndReadAll(sql)).getRowObjectsJson();
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

async function setup() {
  const data = await dirWith({ 'orders.csv': csv });
  const dir = await dirWith({});
  return { data, db: path.join(dir, 'local.duckdb'), dir };
}

describe('DuckDB runner', () => {
  it('builds models in dependency order, independent ones in parallel, and checks expectations', async () => {
    const { data, db } = await setup();
    const events: RunEvent[] = [];
    const summary = await runProject(project(), { databasePath: db, sourcesDir: data, concurrency: 2, onEvent: (e) => events.push(e) });
    expect(summary.ok).to.equal(true);
    expect(summary.models.map((m) => [m.name, m.rows])).to.deep.equal([['clean', 3], ['per_customer', 2], ['big', 2], ['report', 1]]);
    expect(summary.expectations.map((e) => [e.name, e.status])).to.deep.equal([['report.has_rows', 'pass'], ['report.two_big', 'pass']]);
    const order = events.filter((e) => e.kind === 'model-started' || e.kind === 'model-built').map((e) => (e.kind === 'model-started' ? `start ${e.model}` : `done ${e.result.name}`));
    expect(order[0]).to.equal('start clean');
    expect(order[1]).to.equal('done clean');
    // per_customer and big both wait only for clean: both start before either finishes.
    expect(order.slice(2, 4)).to.have.members(['start per_customer', 'start big']);
    expect(order.at(-1)).to.equal('done report');
    expect(await query(db, 'SELECT * FROM main.per_customer ORDER BY customer')).to.deep.equal([
      { customer: 'ann', total: '15' },
      { customer: 'bob', total: '20' },
    ]);
  });

  it('runs one model at a time with concurrency 1', async () => {
    const { data, db } = await setup();
    const events: string[] = [];
    await runProject(project(), { databasePath: db, sourcesDir: data, concurrency: 1, onEvent: (e) => e.kind === 'model-started' && events.push(e.model) });
    expect(events).to.deep.equal(['clean', 'per_customer', 'big', 'report']);
  });

  it('reports failing expectations with counts and samples; warn does not fail the run', async () => {
    const { data, db } = await setup();
    const p = project();
    const warnOnly: CompiledProject = {
      ...p,
      models: p.models.map((m) => (m.name === 'clean' ? { ...m, expectations: [expectation('clean.small', 'SELECT * FROM main.clean WHERE amount > 6 ORDER BY id', 'warn')] } : m)),
    };
    const summary = await runProject(warnOnly, { databasePath: db, sourcesDir: data });
    expect(summary.ok).to.equal(true);
    const small = summary.expectations.find((e) => e.name === 'clean.small')!;
    expect(small).to.deep.include({ status: 'warn', failures: 2 });
    expect(small.samples).to.deep.equal([{ id: '1', customer: 'ann', amount: '10' }, { id: '2', customer: 'bob', amount: '20' }]);
  });

  it('a failing error expectation fails the run and keeps the previous database', async () => {
    const { data, db, dir } = await setup();
    await runProject(project(), { databasePath: db, sourcesDir: data });
    const p = project();
    const failing: CompiledProject = {
      ...p,
      models: p.models.map((m) => (m.name === 'clean' ? { ...m, ddl: { ...m.ddl, duckdb: "CREATE OR REPLACE TABLE main.clean AS SELECT 9 AS id, 'zed' AS customer, 1 AS amount" }, expectations: [expectation('clean.none', 'SELECT * FROM main.clean')] } : m)),
    };
    const summary = await runProject(failing, { databasePath: db, sourcesDir: data });
    expect(summary.ok).to.equal(false);
    expect(summary.committed).to.equal(false);
    expect(summary.expectations.find((e) => e.name === 'clean.none')).to.deep.include({ status: 'fail', failures: 1 });
    expect(await query(db, 'SELECT count(*) AS n FROM main.clean')).to.deep.equal([{ n: '3' }]);
    expect(await readdir(dir)).to.deep.equal(['local.duckdb']);
  });

  it('a failing model leaves the previous database intact and no working copy behind', async () => {
    const { data, db, dir } = await setup();
    await runProject(project(), { databasePath: db, sourcesDir: data });
    const p = project();
    const broken: CompiledProject = {
      ...p,
      models: [
        { ...p.models[0]!, ddl: { ...p.models[0]!.ddl, duckdb: "CREATE OR REPLACE TABLE main.clean AS SELECT 1 AS id, 'x' AS customer, 1 AS amount" } },
        { ...p.models[1]!, ddl: { ...p.models[1]!.ddl, duckdb: 'CREATE OR REPLACE TABLE main.per_customer AS SELECT nope FROM main.clean' } },
        ...p.models.slice(2),
      ],
    };
    const events: RunEvent[] = [];
    let error: unknown;
    await runProject(broken, { databasePath: db, sourcesDir: data, sqlDir: 'target', onEvent: (e) => events.push(e) }).catch((e) => (error = e));
    expect(error).to.be.instanceOf(SluiceError);
    const e = error as SluiceError;
    expect(e.message).to.match(/^\/project\/pipelines\/p\.ts:22:7: model 'per_customer' failed on DuckDB: Binder Error: Referenced column "nope" not found/);
    expect(e.hint).to.equal('the generated SQL is in target/duckdb/per_customer.sql');
    expect(events.some((ev) => ev.kind === 'model-started' && ev.model === 'report')).to.equal(false);
    // The first model's new version was built in the working copy only.
    expect(await query(db, 'SELECT count(*) AS n FROM main.clean')).to.deep.equal([{ n: '3' }]);
    expect(await readdir(dir)).to.deep.equal(['local.duckdb']);
  });

  it('a failed first run leaves no database file at all', async () => {
    const { data, db, dir } = await setup();
    const p = project();
    const broken: CompiledProject = { ...p, models: [{ ...p.models[0]!, ddl: { ...p.models[0]!.ddl, duckdb: 'SELECT * FROM nowhere' } }] };
    let error: unknown;
    await runProject(broken, { databasePath: db, sourcesDir: data }).catch((e) => (error = e));
    expect(error).to.be.instanceOf(SluiceError);
    expect(await readdir(dir)).to.deep.equal([]);
  });

  it('creates an empty previous version on the first run and reads the old one before replacing it', async () => {
    const { data, db } = await setup();
    const cols = [field('customer', T('STRING')), field('first_seen_run', T('INT64'))];
    const ids = model(
      'ids',
      `SELECT customer, coalesce((SELECT max(first_seen_run) FROM main.ids), 0) + 1 AS first_seen_run FROM (SELECT DISTINCT customer FROM main.clean) c
       WHERE customer NOT IN (SELECT customer FROM main.ids)
       UNION ALL SELECT * FROM main.ids`,
      { deps: ['clean'], readsPrevious: ['ids'], columns: cols },
    );
    // 'snapshot' reads the previous 'ids': it must run before 'ids' is rebuilt.
    const snapshot = model('snapshot', 'SELECT count(*) AS n FROM main.ids', { readsPrevious: ['ids'] });
    const p: CompiledProject = { sources: [orders], models: [project().models[0]!, ids, snapshot] };
    const first = await runProject(p, { databasePath: db, sourcesDir: data, concurrency: 4 });
    expect(first.models.find((m) => m.name === 'ids')!.rows).to.equal(2);
    expect(await query(db, 'SELECT n FROM main.snapshot')).to.deep.equal([{ n: '0' }]);
    await runProject(p, { databasePath: db, sourcesDir: data, concurrency: 4 });
    expect(await query(db, 'SELECT customer, first_seen_run FROM main.ids ORDER BY customer')).to.deep.equal([
      { customer: 'ann', first_seen_run: '1' },
      { customer: 'bob', first_seen_run: '1' },
    ]);
    expect(await query(db, 'SELECT n FROM main.snapshot')).to.deep.equal([{ n: '2' }]);
  });

  it('--select runs only the chosen models and loads only their sources', async () => {
    const { data, db } = await setup();
    await runProject(project(), { databasePath: db, sourcesDir: data });
    const summary = await runProject(project(), { databasePath: db, sourcesDir: data, select: ['per_customer+'] });
    expect(summary.models.map((m) => m.name)).to.deep.equal(['per_customer', 'report']);
    expect(summary.sources).to.deep.equal([]);
    const upstream = await runProject(project(), { databasePath: db, sourcesDir: data, select: ['+per_customer'] });
    expect(upstream.models.map((m) => m.name)).to.deep.equal(['clean', 'per_customer']);
    expect(upstream.sources.map((s) => s.name)).to.deep.equal(['orders']);
  });

  it('--select rejects an unknown model and lists the known ones', async () => {
    const { data, db } = await setup();
    let error: unknown;
    await runProject(project(), { databasePath: db, sourcesDir: data, select: ['nope'] }).catch((e) => (error = e));
    expect((error as SluiceError).message).to.equal("--select: no model named 'nope'\n  hint: models: big, clean, per_customer, report");
  });
});
