/** `sluice explain-identity` on a database built from the sample data. */
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { generate } from '../../pipelines/sample-data.js';
import { identity } from '../../pipelines/identity.js';
import { build, query } from '../transforms/identity/support.js';

// eslint-disable-next-line no-control-regex
const plain = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

describe('sluice explain-identity', function () {
  this.timeout(120_000);
  const work = mkdtempSync(path.join(os.tmpdir(), 'sluice-explain-'));
  const db = path.join(work, 'db.duckdb');
  const run = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['node', 'sluice', 'explain-identity', ...args, '--database', db], { out: (l) => out.push(plain(l)), err: (l) => err.push(plain(l)) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  before(async () => {
    generate(path.join(work, 'data'), { seed: 42, scale: 1 });
    await build(identity, db, path.join(work, 'data'));
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('prints a record\'s customer, its records and the chain of shared keys to the anchor', async () => {
    // A shop order whose customer is anchored on another record.
    const [row] = await query(db, `SELECT r.source, r.record_id, r.customer_id FROM main.identity_records r
      JOIN main.customer_registry c USING (customer_id) WHERE r.source = 'shop_orders' AND c.anchor_source = 'crm_contacts' ORDER BY r.record_id LIMIT 1`);
    const { code, out } = await run(`${row!.source}:${row!.record_id}`);
    expect(code).to.equal(0);
    expect(out).to.include(String(row!.customer_id));
    expect(out).to.match(/\d+ records?:/);
    expect(out).to.match(new RegExp(`why ${row!.source}:${row!.record_id} and crm_contacts:\\S+ are one customer`));
    expect(out).to.match(/└─ (email|phone|name|account|order) /);
  });

  it('explains a customer id and the path between two of its records', async () => {
    const [pair] = await query(db, `SELECT a.source || ':' || a.record_id AS a, b.source || ':' || b.record_id AS b, a.customer_id
      FROM main.identity_records a JOIN main.identity_records b USING (customer_id)
      WHERE a.source = 'pos_receipts' AND b.source = 'app_events' ORDER BY a.record_id, b.record_id LIMIT 1`);
    const byCustomer = await run(String(pair!.customer_id));
    expect(byCustomer.code).to.equal(0);
    expect(byCustomer.out).to.include(String(pair!.a));
    const between = await run(String(pair!.a), String(pair!.b));
    expect(between.out).to.include(`why ${pair!.a} and ${pair!.b} are one customer`);
    expect(between.out).to.include('loyalty');
  });

  it('fails clearly on an unknown id', async () => {
    const { code, err } = await run('cus_nobody');
    expect(code).to.equal(2);
    expect(err).to.include("unknown id 'cus_nobody'");
    expect(err).to.include('hint:');
  });

  it('has help text with examples', async () => {
    const out: string[] = [];
    await main(['node', 'sluice', 'explain-identity', '--help'], { out: (l) => out.push(l), err: (l) => out.push(l) });
    expect(out.join('\n')).to.include('Examples:').and.include('sluice explain-identity shop_orders:');
  });
});
