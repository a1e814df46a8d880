import { expect as chaiExpect } from 'chai';
import { blockingFailures, checkExpectations, runDirect, type ExpectationResult } from '../../../src/runners/direct/index.js';
import { acceptedValues, expect, notNull, pipeline, relationships, rowCount, source, t, unique } from '../../../src/sdk/index.js';

const customers = source('customers', { id: t.string().nullable(), tier: t.string().nullable(), since: t.timestamp() });
const orders = source('orders', { order_id: t.int64(), customer_id: t.string().nullable(), amount: t.float64() });

const model = pipeline('shop', (p) => {
  const cust = p.write(p.read(customers), {
    name: 'cust',
    expect: [
      unique((r) => r.id),
      notNull((r) => r.tier, { severity: 'warn', description: 'tier is filled' }),
      acceptedValues((r) => r.tier, ['gold', 'silver']),
      unique((r) => r.since),
      rowCount({ min: 1, max: 3 }),
    ],
  });
  p.write(p.read(orders), {
    name: 'ord',
    expect: [
      relationships((r) => r.customer_id, cust, (c) => c.id),
      expect((r) => r.amount >= 0),
      acceptedValues((r) => r.amount, [NaN, 1, -5]),
      rowCount({ max: 10 }),
    ],
  });
});

const when = (s: number) => new Date(s * 1000);
const customerRows = [
  { id: 'a', tier: 'gold', since: when(1) },
  { id: 'a', tier: 'bronze', since: when(2) },
  { id: null, tier: null, since: when(1) },
  { id: null, tier: 'silver', since: when(3) },
  { id: 'b', tier: 'silver', since: when(4) },
];
const orderRows = [
  { order_id: 1, customer_id: 'a', amount: 1 },
  { order_id: 2, customer_id: 'zz', amount: -5 },
  { order_id: 3, customer_id: null, amount: NaN },
];

function summary(results: ExpectationResult[]) {
  return results.map((r) => [r.model, r.expectation.spec.kind, r.failing, r.samples.length]);
}

describe('direct runner: expectations', () => {
  const results = checkExpectations([model], runDirect([model], { sources: { customers: customerRows, orders: orderRows } }));

  it('counts violating rows per expectation', () => {
    chaiExpect(summary(results)).to.deep.equal([
      ['cust', 'unique', 2, 2], // 'a' twice; NULL ids ignored
      ['cust', 'notNull', 1, 1],
      ['cust', 'acceptedValues', 1, 1], // bronze; NULL accepted
      ['cust', 'unique', 2, 2], // Dates equal by time
      ['cust', 'rowCount', 1, 1], // 5 > 3
      ['ord', 'relationships', 1, 1], // zz; NULL ignored
      ['ord', 'rowCondition', 2, 2], // -5, and NaN >= 0 is false
      ['ord', 'acceptedValues', 0, 0], // NaN equals NaN
      ['ord', 'rowCount', 0, 0],
    ]);
  });

  it('samples the violating rows', () => {
    chaiExpect(results[0]!.samples).to.deep.equal(customerRows.slice(0, 2));
    chaiExpect(results[4]!.samples).to.deep.equal([{ row_count: 5 }]);
    chaiExpect(results[5]!.samples).to.deep.equal([orderRows[1]]);
  });

  it('caps samples at five rows', () => {
    const many = Array.from({ length: 8 }, () => ({ id: 'x', tier: 'gold', since: when(9) }));
    const r = checkExpectations([model], runDirect([model], { sources: { customers: many, orders: [] } }));
    chaiExpect([r[0]!.failing, r[0]!.samples.length]).to.deep.equal([8, 5]);
  });

  it('reports severity and which failures block', () => {
    chaiExpect(results[1]!.severity).to.equal('warn');
    chaiExpect(results[1]!.message).to.equal('cust: tier is filled: 1 failing row');
    chaiExpect(results[7]!.passed).to.equal(true);
    chaiExpect(blockingFailures(results).map((r) => r.expectation.spec.kind)).to.deep.equal([
      'unique',
      'acceptedValues',
      'unique',
      'rowCount',
      'relationships',
      'rowCondition',
    ]);
  });

  it('rowCount checks bounds inclusively, including zero rows', () => {
    const r = checkExpectations([model], runDirect([model], { sources: { customers: [], orders: [] } }));
    chaiExpect(r.filter((x) => x.expectation.spec.kind === 'rowCount').map((x) => x.failing)).to.deep.equal([1, 0]);
    const three = customerRows.slice(0, 3).map((c, i) => ({ ...c, since: when(i) }));
    const r3 = checkExpectations([model], runDirect([model], { sources: { customers: three, orders: [] } }));
    chaiExpect(r3[4]!.passed).to.equal(true);
  });
});
