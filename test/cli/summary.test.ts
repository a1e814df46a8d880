import { expect } from 'chai';
import { renderSummary } from '../../src/cli/output/summary.js';
import type { RunSummary } from '../../src/runners/duckdb/events.js';

const strip = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

describe('run summary', () => {
  const base: RunSummary = {
    ok: true,
    committed: true,
    sources: [],
    models: [
      { name: 'customers', materialize: 'table', rows: 12345, ms: 1500 },
      { name: 'orders_v', materialize: 'view', rows: 7, ms: 20 },
    ],
    expectations: [],
    ms: 2000,
  };

  it('tabulates models with rows and time, and counts expectations', () => {
    const text = strip(renderSummary({ ...base, expectations: [] }, '.sluice/local.duckdb'));
    expect(text).to.include('model      kind     rows  time');
    expect(text).to.include('customers  table  12,345  1.5s');
    expect(text).to.include('orders_v   view        7  20ms');
    expect(text).to.include('2 models built · expectations: 0 passed, 0 warned, 0 failed · 2.0s');
    expect(text).to.include('database: .sluice/local.duckdb');
  });

  it('details failed expectations with sample rows and says the database was kept', () => {
    const site = { file: `${process.cwd()}/pipelines/c.ts`, line: 9, column: 5 };
    const text = strip(
      renderSummary(
        {
          ...base,
          ok: false,
          committed: false,
          expectations: [
            { name: 'customers.unique', model: 'customers', description: 'values are unique', severity: 'error', site, failures: 2, samples: [{ id: 'c1', n: 2 }, { id: null, n: 3 }], status: 'fail' },
            { name: 'customers.rowCount', model: 'customers', description: 'rows', severity: 'warn', site, failures: 0, samples: [], status: 'pass' },
          ],
        },
        'db.duckdb',
      ),
    );
    expect(text).to.include('FAILED customers.unique: values are unique (2 failing rows, pipelines/c.ts:9:5)');
    expect(text).to.match(/ {2}id {4}n\n {2}c1 {4}2\n {2}NULL {2}3/);
    expect(text).to.include('expectations: 1 passed, 0 warned, 1 failed');
    expect(text).to.include('run failed: db.duckdb was left as it was before this run');
  });
});
