/**
 * Failing expectations of the master models are reported with counts and sample rows: a
 * deliberately broken copy of the sample goes through the DuckDB runner, and the summary
 * `sluice run` prints names each failure, its count, its call site and the failing rows.
 */
import { expect } from 'chai';
import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { renderSummary } from '../../src/cli/output/summary.js';
import type { RunSummary } from '../../src/runners/duckdb/index.js';
import { MAX_RECORDS_PER_CUSTOMER } from '../../pipelines/customers.js';
import { buildOnDuckDb, compileMaster, tempDir, writeSample } from './models-support.js';

const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

/** Breaks the sample in four known ways (and returns what it planted). */
function breakSample(dir: string) {
  const file = (name: string) => path.join(dir, `${name}.csv`);
  const receipts = readFileSync(file('pos_receipts'), 'utf8').trim().split('\n');
  const duplicated = receipts[1]!;
  const card = readFileSync(file('loyalty_members'), 'utf8').split('\n')[1]!.split(',')[0]!;
  const order = readFileSync(file('shop_orders'), 'utf8').split('\n')[1]!.split(',')[0]!;
  const busy = Array.from({ length: MAX_RECORDS_PER_CUSTOMER + 5 }, (_, i) => `RB${String(i).padStart(8, '0')},AMS01,${card},2024-06-01 10:00:00,EUR,1,9.99,card`);
  appendFileSync(file('pos_receipts'), [duplicated, 'RJ00000001,AMS01,,2024-01-01 10:00:00,JPY,1,1000.00,cash', ...busy].join('\n') + '\n');
  appendFileSync(file('shop_returns'), `RT-9999999,${order},refund,2024-05-01 10:00:00,EUR,0,-5.00,goodwill\n`);
  return { duplicatedId: duplicated.split(',')[0]!, card };
}

describe('failing master-model expectations report counts and sample rows', function () {
  this.timeout(120_000);
  let summary: RunSummary;
  let output: string;
  let planted: ReturnType<typeof breakSample>;
  let cleanup: () => Promise<void>;

  before(async () => {
    const tmp = await tempDir('sluice-broken-');
    cleanup = tmp.remove;
    const data = path.join(tmp.dir, 'data');
    writeSample(data, 0.3);
    planted = breakSample(data);
    const db = path.join(tmp.dir, 'local.duckdb');
    summary = (await buildOnDuckDb(compileMaster(), data, db)).summary;
    output = plain(renderSummary(summary, db));
  });
  after(() => cleanup?.());

  const result = (model: string, description: string) => {
    const found = summary.expectations.find((e) => e.model === model && e.description === description);
    expect(found, `${model}: ${description} in ${summary.expectations.map((e) => e.description).join(' | ')}`).to.not.equal(undefined);
    return found!;
  };

  it('fails the run and leaves no database behind', () => {
    expect(summary.ok).to.equal(false);
    expect(summary.committed).to.equal(false);
  });

  it('counts each violation and samples the failing rows', () => {
    const duplicate = summary.expectations.find((e) => e.model === 'transactions' && e.name === 'transactions.unique')!;
    expect(duplicate.status).to.equal('fail');
    // unique reports each duplicated value once, with how often it occurs.
    expect(duplicate.failures).to.equal(1);
    expect(duplicate.samples).to.deep.equal([{ value: planted.duplicatedId, count: '2' }]);

    const rate = result('transactions', 'every currency has a euro rate (pipelines/master/money.ts)');
    expect([rate.status, rate.failures]).to.deep.equal(['fail', 1]);
    expect(rate.samples[0]).to.include({ transaction_id: 'RJ00000001', currency: 'JPY' });

    const positive = result('transactions', 'returns are never positive');
    expect([positive.status, positive.failures]).to.deep.equal(['fail', 1]);
    expect(positive.samples[0]).to.include({ transaction_id: 'RT-9999999', kind: 'return' });
    expect(Number(positive.samples[0]!.amount)).to.equal(5);
  });

  it('only warns about a customer with too many records', () => {
    const big = result('customers', `at most ${MAX_RECORDS_PER_CUSTOMER} source records per customer (more suggests an over-merge)`);
    expect(big.severity).to.equal('warn');
    expect([big.status, big.failures]).to.deep.equal(['warn', 1]);
    expect(big.samples[0]!.loyalty_id).to.equal(planted.card);
    expect(Number(big.samples[0]!.record_count)).to.be.greaterThan(MAX_RECORDS_PER_CUSTOMER);
  });

  it('prints each failure with its count, call site and sample rows', () => {
    expect(output).to.match(/FAILED transactions\.unique: values are unique \(1 failing row, pipelines\/transactions\.ts:\d+:\d+\)/);
    expect(output).to.match(new RegExp(`${planted.duplicatedId} +2`));
    expect(output).to.match(/FAILED transactions\.rowCondition_\d: returns are never positive \(1 failing row, pipelines\/transactions\.ts:\d+:\d+\)/);
    expect(output).to.include('RT-9999999');
    expect(output).to.match(/WARNED customers\.rowCondition: at most \d+ source records per customer .*\(1 failing row, pipelines\/customers\.ts:\d+:\d+\)/);
    expect(output).to.match(/expectations: \d+ passed, 1 warned, 3 failed/);
  });
});
