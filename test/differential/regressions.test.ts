/**
 * Counter-examples the differential properties found, pinned as fixed cases so the fixes
 * stay fixed even when a random run would not hit them again.
 */
import { expect } from 'chai';
import { compileFixture, type Fixture } from './support/engines.js';
import { disagreements } from './support/property.js';
import { transforms } from './fixtures/transforms.js';

const at = new Date('2024-02-29T00:00:00.000Z');
const order = (id: number, amount: number | null) => ({ id, customer: null, amount, qty: 0, status: 'paid', tags: [], at });

describe('differential: regressions', function () {
  this.timeout(120_000);
  let fixture: Fixture;

  before(() => {
    fixture = compileFixture('transforms', [transforms]);
  });

  it('orders NaN above +Infinity in BigQuery windows, as the DirectRunner does', async () => {
    const sources = { diff_customers: [], diff_orders: [order(1, NaN), order(2, 0), order(3, Infinity), order(4, null), order(5, -Infinity)] };
    expect(await disagreements(fixture, sources, ['t_window_rank'])).to.deep.equal([]);
  });

  it('averages FLOAT64 as sum / count in BigQuery (a running mean of -Infinity and 0 is NaN)', async () => {
    const sources = { diff_customers: [], diff_orders: [order(1, -Infinity), order(2, 0), order(3, null)] };
    expect(await disagreements(fixture, sources, ['t_global', 't_group'])).to.deep.equal([]);
    expect(await disagreements(fixture, { diff_customers: [], diff_orders: [order(1, null)] }, ['t_global', 't_group'])).to.deep.equal([]);
  });
});
