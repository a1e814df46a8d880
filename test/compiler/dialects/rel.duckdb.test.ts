import { expect } from 'chai';
import { ty } from '../../../src/compiler/ir/expr.js';
import type { Rel } from '../../../src/compiler/ir/rel.js';
import { allCustomers, latestPerCustomer, orders, orderTags, ordersSchema, perCustomer, repeatCustomers } from './rel-fixtures.js';
import { duck, flatNames, ScratchDb } from './helpers.js';

const D = (iso: string): Date => new Date(iso);
const rows = [
  ['o1', ' Ann ', 1.005, ['a', '', 'b'], D('2024-01-01T00:00:00Z')],
  ['o2', 'ann', 20, [], D('2024-01-02T00:00:00Z')],
  ['o3', null, 3, ['c'], D('2024-01-03T00:00:00Z')],
  ['o4', 'bob', -1, ['d'], D('2024-01-04T00:00:00Z')],
  ['o5', 'bob', 0.5, ['e'], D('2024-01-05T00:00:00Z')],
];

describe('Rel kinds run on DuckDB with the intended meaning', () => {
  let db: ScratchDb;
  const run = async (rel: Rel): Promise<Record<string, unknown>[]> => db.rows(duck.query(rel, flatNames));
  before(async () => {
    db = await ScratchDb.open();
    await db.table('orders', ordersSchema, rows);
    await db.table('select', [{ name: 'customer', type: ty.string(true) }], [['carl'], ['ann'], [null]]);
  });

  it('scan at the root selects its columns', async () => {
    expect(await run(orders())).to.have.length(5);
  });

  it('aggregate: counts, sums, first / last by order, ordered arrays', async () => {
    const out = (await run(perCustomer())).sort((a, b) => String(a['customer']).localeCompare(String(b['customer'])));
    expect(out).to.deep.equal([
      // 1.005 * 100 is 100.49999999999999 in JS, so Math.round gives 100.
      { customer: 'ann', n: 2, total: 2100, big: 1, first_id: 'o1', last_id: 'o2', ids: ['o1', 'o2'], avg_cents: 1050 },
      { customer: 'bob', n: 1, total: 50, big: 0, first_id: 'o5', last_id: 'o5', ids: ['o5'], avg_cents: 50 },
      { customer: null, n: 1, total: 300, big: 0, first_id: 'o3', last_id: 'o3', ids: ['o3'], avg_cents: 300 },
    ]);
  });

  it('window with QUALIFY keeps the latest row per key and hides helper columns', async () => {
    const out = (await run(latestPerCustomer())).map((r) => [r['id'], r['previous_cents'], r['running_cents'], (r['first_seen'] as Date).toISOString()]);
    expect(out.sort()).to.deep.equal([
      ['o2', null, 2000, '2024-01-01T00:00:00.000Z'],
      ['o3', null, 300, '2024-01-03T00:00:00.000Z'],
      ['o5', null, 50, '2024-01-05T00:00:00.000Z'],
    ]);
    expect(Object.keys((await run(latestPerCustomer()))[0]!)).to.not.include('_rn');
  });

  it('join reads a shared step twice and keeps unmatched left rows', async () => {
    const out = (await run(repeatCustomers())).map((r) => [r['id'], r['next_id'], r['label']]);
    expect(out.sort()).to.deep.equal([
      ['o1', 'o2', 'it\'s \\ "new"\no1'],
      ['o2', null, 'it\'s \\ "new"\no2'],
      ['o3', null, 'it\'s \\ "new"\no3'],
      ['o5', null, 'it\'s \\ "new"\no5'],
    ]);
  });

  it('union all then distinct', async () => {
    const out = (await run(allCustomers())).map((r) => r['customer']);
    expect(out.sort()).to.deep.equal([' Ann ', 'ann', 'bob', 'carl', null]);
  });

  it('unnest yields one row per element with 0-based offsets, none for empty arrays', async () => {
    const out = (await run(orderTags())).map((r) => [r['id'], r['tag'], r['position']]);
    expect(out.sort()).to.deep.equal([
      ['o1', 'A', 0],
      ['o1', 'B', 2],
      ['o3', 'C', 0],
      ['o4', 'D', 0],
      ['o5', 'E', 0],
    ]);
  });
});
