import { expect } from 'chai';
import { runDirect, type Row } from '../../../src/runners/direct/index.js';
import { pipeline, source, t } from '../../../src/sdk/index.js';

const customers = source('customers', { id: t.string().nullable(), name: t.string() });
const orders = source('orders', { order_id: t.int64(), customer_id: t.string().nullable(), amount: t.int64() });

const customerRows = [
  { id: 'c1', name: 'Ann' },
  { id: 'c2', name: 'Bob' },
  { id: null, name: 'Nobody' },
];
const orderRows = [
  { order_id: 1, customer_id: 'c1', amount: 10 },
  { order_id: 2, customer_id: 'c1', amount: 20 },
  { order_id: 3, customer_id: 'c9', amount: 30 },
  { order_id: 4, customer_id: null, amount: 40 },
];

function run(build: Parameters<typeof pipeline>[1], sources: Record<string, Row[]> = { customers: customerRows, orders: orderRows }): Row[] {
  return runDirect([pipeline('j', build)], { sources }).models.out!;
}

describe('direct runner: join', () => {
  it('inner join emits select(l, r) for every pair where on is true; JS null === null matches', () => {
    const out = run((p) => {
      const joined = p.read(customers).join(p.read(orders), {
        on: (c, o) => c.id === o.customer_id,
        select: (c, o) => ({ name: c.name, order_id: o.order_id }),
      });
      p.write(joined, { name: 'out' });
    });
    expect(out).to.deep.equal([
      { name: 'Ann', order_id: 1 },
      { name: 'Ann', order_id: 2 },
      { name: 'Nobody', order_id: 4 },
    ]);
  });

  it('left join emits an unmatched left row with every right field null', () => {
    const out = run((p) => {
      const joined = p.read(customers).join(p.read(orders), {
        type: 'left',
        on: (c, o) => c.id !== null && c.id === o.customer_id,
        select: (c, o) => ({ name: c.name, order_id: o.order_id, amount: o.amount }),
      });
      p.write(joined, { name: 'out' });
    });
    expect(out).to.deep.equal([
      { name: 'Ann', order_id: 1, amount: 10 },
      { name: 'Ann', order_id: 2, amount: 20 },
      { name: 'Bob', order_id: null, amount: null },
      { name: 'Nobody', order_id: null, amount: null },
    ]);
  });

  it('full join also emits unmatched right rows with a null left, after the left rows', () => {
    const out = run((p) => {
      const joined = p.read(customers).join(p.read(orders), {
        type: 'full',
        on: (c, o) => c.id !== null && c.id === o.customer_id,
        select: (c, o) => ({ name: c.name, order_id: o.order_id }),
      });
      p.write(joined, { name: 'out' });
    });
    expect(out).to.deep.equal([
      { name: 'Ann', order_id: 1 },
      { name: 'Ann', order_id: 2 },
      { name: 'Bob', order_id: null },
      { name: 'Nobody', order_id: null },
      { name: null, order_id: 3 },
      { name: null, order_id: 4 },
    ]);
  });

  it('spreading the null side of an empty input yields its columns, derived through a map', () => {
    const out = run(
      (p) => {
        const right = p.read(orders).map((o) => ({ cid: o.customer_id, cents: o.amount * 100 }));
        const joined = p.read(customers).join(right, {
          type: 'left',
          on: (c, o) => c.id === o.cid,
          select: (c, o) => ({ ...c, ...o }),
        });
        p.write(joined, { name: 'out' });
      },
      { customers: [{ id: 'c1', name: 'Ann' }], orders: [] },
    );
    expect(out).to.deep.equal([{ id: 'c1', name: 'Ann', cid: null, cents: null }]);
  });

  it('derives the null side of an empty aggregate input (key columns then aggregates)', () => {
    const out = run(
      (p) => {
        const totals = p.read(orders).groupBy((o) => ({ cid: o.customer_id })).aggregate((g) => ({ total: g.sum((o) => o.amount) }));
        const joined = p.read(customers).join(totals, { type: 'left', on: (c, t) => c.id === t.cid, select: (c, t) => ({ name: c.name, ...t }) });
        p.write(joined, { name: 'out' });
      },
      { customers: [{ id: 'c1', name: 'Ann' }], orders: [] },
    );
    expect(out).to.deep.equal([{ name: 'Ann', cid: null, total: null }]);
  });

  it('derives null-side columns through window, sessionize and an empty upstream model', () => {
    const out = run(
      (p) => {
        const ranked = p.read(orders).window({ orderBy: (o) => o.order_id }, (w) => ({ rn: w.rowNumber() }));
        const joined = p.read(customers).join(ranked, { type: 'left', on: (c, o) => c.id === o.customer_id, select: (c, o) => ({ n: c.name, ...o }) });
        p.write(joined, { name: 'out' });
      },
      { customers: [{ id: 'c1', name: 'Ann' }], orders: [] },
    );
    expect(out).to.deep.equal([{ n: 'Ann', order_id: null, customer_id: null, amount: null, rn: null }]);
  });

  it('when a lambda cannot be probed on NULLs, the null side still reads null for any field', () => {
    const out = run(
      (p) => {
        const right = p.read(orders).map((o) => ({ cid: o.customer_id!.toUpperCase() }));
        const joined = p.read(customers).join(right, {
          type: 'left',
          on: (c, o) => c.id === o.cid,
          select: (c, o) => ({ name: c.name, cid: o.cid, spread: Object.keys({ ...o }).length }),
        });
        p.write(joined, { name: 'out' });
      },
      { customers: [{ id: 'c1', name: 'Ann' }], orders: [] },
    );
    expect(out).to.deep.equal([{ name: 'Ann', cid: null, spread: 0 }]);
  });

  it('an empty side of an inner join yields no rows; an empty left of a full join keeps the right rows', () => {
    const inner = run(
      (p) => {
        p.write(p.read(customers).join(p.read(orders), { on: (c, o) => c.id === o.customer_id, select: (c, o) => ({ n: c.name, o: o.order_id }) }), { name: 'out' });
      },
      { customers: [], orders: orderRows },
    );
    expect(inner).to.deep.equal([]);
    const full = run(
      (p) => {
        p.write(p.read(customers).join(p.read(orders), { type: 'full', on: (c, o) => c.id === o.customer_id, select: (c, o) => ({ ...c, o: o.order_id }) }), { name: 'out' });
      },
      { customers: [], orders: orderRows.slice(0, 1) },
    );
    expect(full).to.deep.equal([{ id: null, name: null, o: 1 }]);
  });
});
