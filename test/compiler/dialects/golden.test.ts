/**
 * Golden SQL: every change to emitted SQL shows up as a diff of test/golden/*.sql.
 * Rewrite the files with `UPDATE_GOLDEN=1 npx mocha test/compiler/dialects/golden.test.ts`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import type { Dialect, MaterializeSpec, TableNames } from '../../../src/compiler/dialects/dialect.js';
import { createBigQueryDialect } from '../../../src/compiler/dialects/bigquery/index.js';
import { createDuckDbDialect } from '../../../src/compiler/dialects/duckdb/index.js';
import { fixtures, perCustomer } from './rel-fixtures.js';
import { projectNames, ROOT } from './helpers.js';

const goldenDir = fileURLToPath(new URL('../../golden/', import.meta.url));
const duckNames: TableNames = { table: (ref) => [ref.kind === 'source' ? 'src' : 'main', ref.name] };
const dialects: [Dialect, TableNames][] = [
  [createBigQueryDialect({ relativeTo: ROOT }), projectNames],
  [createDuckDbDialect({ relativeTo: ROOT }), duckNames],
];

function compareGolden(file: string, actual: string): void {
  const path = `${goldenDir}${file}`;
  const text = `${actual}\n`;
  if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(path, text);
  expect(existsSync(path), `${file} is missing; run with UPDATE_GOLDEN=1`).to.equal(true);
  expect(text, file).to.equal(readFileSync(path, 'utf8'));
}

const tableSpec: MaterializeSpec = {
  name: 'customer_stats',
  materialize: 'table',
  description: "Per-customer order statistics.\nOne row per customer (it's derived).",
  columns: perCustomer().schema.map((f) => (f.name === 'total' ? { ...f, description: 'Sum of cents' } : f)),
  partitionBy: 'first_seen',
  clusterBy: ['customer'],
  labels: { team: 'crm', domain: 'sales' },
};

describe('golden SQL', () => {
  for (const [dialect, names] of dialects) {
    for (const [name, build] of Object.entries(fixtures)) {
      it(`${name}.${dialect.name}.sql`, () => compareGolden(`${name}.${dialect.name}.sql`, dialect.query(build(), names)));
    }
    it(`create_table.${dialect.name}.sql`, () => {
      const spec = { ...tableSpec, columns: [...tableSpec.columns, { name: 'first_seen', type: { kind: 'TIMESTAMP', nullable: false } as const }] };
      compareGolden(`create_table.${dialect.name}.sql`, dialect.create(spec, 'SELECT 1', names));
    });
    it(`create_view.${dialect.name}.sql`, () => {
      const spec: MaterializeSpec = { ...tableSpec, materialize: 'view', partitionBy: undefined, clusterBy: [] };
      compareGolden(`create_view.${dialect.name}.sql`, dialect.create(spec, dialect.query(perCustomer(), names), names));
    });
  }
  it('is deterministic', () => {
    for (const [dialect, names] of dialects) {
      expect(dialect.query(perCustomer(), names)).to.equal(dialect.query(perCustomer(), names));
    }
  });
});
