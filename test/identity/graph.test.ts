import { expect } from 'chai';
import type { DuckDBConnection } from '@duckdb/node-api';
import { identityGraphProgram, type KeyRule } from '../../src/identity/graph.js';
import { componentsProgram, duckdbComponents } from '../../src/identity/components/index.js';
import { runOnDuckDB } from '../../src/runners/duckdb/program.js';
import { duckdbFunctions } from '../../src/identity/sql/functions.js';
import { openDuckDB, readComponents } from './helpers.js';

describe('identity graph (blocking, degree caps, audit)', () => {
  let con: DuckDBConnection;
  let close: () => void;
  const rules: KeyRule[] = [
    { type: 'email', blocked: ['test@test.com'], blockedPatterns: ['^noemail@'], maxDegree: 3 },
    { type: 'phone', blocked: ["+31612345678"], maxDegree: 2 },
  ];

  before(async () => {
    ({ con, close } = await openDuckDB());
    await con.run(`CREATE TABLE keys AS SELECT * FROM (VALUES
      ('crm:1', 'email', 'ann@x.nl'), ('shop:1', 'email', 'ann@x.nl'), ('shop:1', 'phone', '+31600000001'),
      ('crm:2', 'email', 'test@test.com'), ('crm:3', 'email', 'test@test.com'),
      ('crm:4', 'email', 'noemail@shop.example'), ('crm:5', 'email', 'noemail@shop.example'),
      ('crm:6', 'phone', '+31612345678'), ('crm:7', 'phone', '+31612345678'),
      ('fam:1', 'phone', '+31201234567'), ('fam:2', 'phone', '+31201234567'), ('fam:3', 'phone', '+31201234567'),
      ('crm:8', 'email', NULL)) AS t(record_id, key_type, key_value)`);
    await runOnDuckDB(con, identityGraphProgram(duckdbFunctions, { keys: ['keys'], edges: ['edges'], dropped: ['dropped'], rules }));
    await runOnDuckDB(con, componentsProgram(duckdbComponents, { edges: ['edges'], output: ['components'] }));
  });
  after(() => close());

  it('audits every dropped key with its degree and reason', async () => {
    const rows = (await con.runAndReadAll('SELECT key_type, key_value, degree, reason FROM dropped ORDER BY key_value')).getRows();
    expect(rows.map((r) => r.map(String))).to.deep.equal([
      ['phone', '+31201234567', '3', 'degree_cap'],
      ['phone', '+31612345678', '2', 'blocked_value'],
      ['email', 'noemail@shop.example', '2', 'blocked_pattern'],
      ['email', 'test@test.com', '2', 'blocked_value'],
    ]);
  });

  it('links records through kept keys only and keeps every record as a node', async () => {
    const c = await readComponents(con, 'components');
    expect(c.get('shop:1')).to.equal('crm:1');
    expect(c.get('email:ann@x.nl')).to.equal('crm:1');
    for (const lone of ['crm:2', 'crm:3', 'crm:4', 'crm:5', 'crm:6', 'crm:7', 'fam:1', 'fam:2', 'fam:3', 'crm:8']) {
      expect(c.get(lone), lone).to.equal(lone);
    }
    expect(c.has('email:test@test.com')).to.equal(false);
  });
});
