/**
 * Golden SQL of a whole project: examples/shop compiled end to end (translator, planner,
 * passes, both dialects). Any change to what users' pipelines compile to shows up as a diff
 * of test/golden/shop/*.sql, reviewed like code. Rewrite with
 * `UPDATE_GOLDEN=1 npx mocha test/compiler/golden-project.test.ts`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { compileProject, type CompiledProject } from '../../src/compiler/index.js';

const root = path.resolve('examples/shop');
const goldenDir = path.resolve('test/golden/shop');

function compareGolden(file: string, actual: string): void {
  const target = path.join(goldenDir, file);
  if (process.env['UPDATE_GOLDEN'] === '1') {
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(target, actual);
  }
  expect(existsSync(target), `${file} is missing; run with UPDATE_GOLDEN=1`).to.equal(true);
  expect(actual, file).to.equal(readFileSync(target, 'utf8'));
}

describe('golden SQL of examples/shop', () => {
  let compiled: CompiledProject;
  before(async () => {
    compiled = await compileProject({ root });
  });

  it('compiles every model of the example', () => {
    expect(compiled.models.map((m) => m.name).sort()).to.deep.equal([
      'clean_orders',
      'customers',
      'latest_order_per_email',
      'order_customers',
      'order_lines',
      'order_running_totals',
      'order_sessions',
      'orders_per_email',
    ]);
  });

  it('matches the reviewed DDL of every model in both dialects', () => {
    for (const model of compiled.models) {
      compareGolden(`${model.name}.bigquery.sql`, model.ddl.bigquery);
      compareGolden(`${model.name}.duckdb.sql`, model.ddl.duckdb);
    }
  });

  it('matches the reviewed expectation queries', () => {
    for (const model of compiled.models) {
      for (const e of model.expectations) compareGolden(`expect.${e.name}.bigquery.sql`, e.sql.bigquery);
    }
  });
});
