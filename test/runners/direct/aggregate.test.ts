import { expect } from 'chai';
import { runDirect, type Row } from '../../../src/runners/direct/index.js';
import { desc, pipeline, source, t } from '../../../src/sdk/index.js';

const sales = source('sales', {
  id: t.int64(),
  shop: t.string().nullable(),
  amount: t.float64().nullable(),
  at: t.timestamp(),
});
const at = (s: number) => new Date(s * 1000);
const rows = [
  { id: 1, shop: 'a', amount: 10, at: at(30) },
  { id: 2, shop: 'b', amount: null, at: at(10) },
  { id: 3, shop: 'a', amount: 5, at: at(10) },
  { id: 4, shop: null, amount: 7, at: at(20) },
  { id: 5, shop: 'a', amount: null, at: at(20) },
  { id: 6, shop: null, amount: 1, at: at(5) },
];

function run(build: Parameters<typeof pipeline>[1], input: Row[] = rows): Row[] {
  const p = pipeline('agg', build);
  return runDirect([p], { sources: { sales: input } }).models.out!;
}

describe('direct runner: aggregate', () => {
  it('groups by a scalar key into column `key`, NULL keys forming one group, in first-appearance order', () => {
    const out = run((p) => {
      p.write(p.read(sales).groupBy((r) => r.shop).aggregate((g) => ({ n: g.count() })), { name: 'out' });
    });
    expect(out).to.deep.equal([
      { key: 'a', n: 3 },
      { key: 'b', n: 1 },
      { key: null, n: 2 },
    ]);
  });

  it('spreads an object key into leading columns', () => {
    const out = run((p) => {
      p.write(
        p.read(sales).groupBy((r) => ({ shop: r.shop, has: r.amount !== null })).aggregate((g) => ({ n: g.count() })),
        { name: 'out' },
      );
    });
    expect(out).to.deep.equal([
      { shop: 'a', has: true, n: 2 },
      { shop: 'b', has: false, n: 1 },
      { shop: null, has: true, n: 2 },
      { shop: 'a', has: false, n: 1 },
    ]);
    expect(Object.keys(out[0]!)).to.deep.equal(['shop', 'has', 'n']);
  });

  it('count, countIf, countDistinct, sum, min, max, avg, any over non-null values', () => {
    const out = run((p) => {
      p.write(
        p.read(sales).groupBy((r) => r.shop).aggregate((g) => ({
          n: g.count(),
          big: g.countIf((r) => r.amount !== null && r.amount > 6),
          amounts: g.countDistinct((r) => r.amount),
          sum: g.sum((r) => r.amount),
          min: g.min((r) => r.amount),
          max: g.max((r) => r.amount),
          avg: g.avg((r) => r.amount),
          any: g.any((r) => r.amount),
        })),
        { name: 'out' },
      );
    });
    expect(out).to.deep.equal([
      { key: 'a', n: 3, big: 1, amounts: 2, sum: 15, min: 5, max: 10, avg: 7.5, any: 10 },
      { key: 'b', n: 1, big: 0, amounts: 0, sum: null, min: null, max: null, avg: null, any: null },
      { key: null, n: 2, big: 1, amounts: 2, sum: 8, min: 1, max: 7, avg: 4, any: 7 },
    ]);
  });

  it('min and max order Dates by time and strings by code point', () => {
    const out = run((p) => {
      p.write(
        p.read(sales).aggregate((g) => ({
          first: g.min((r) => r.at),
          lastAt: g.max((r) => r.at),
          minShop: g.min((r) => r.shop),
          maxShop: g.max((r) => r.shop),
        })),
        { name: 'out' },
      );
    });
    expect(out).to.deep.equal([{ first: at(5), lastAt: at(30), minShop: 'a', maxShop: 'b' }]);
  });

  it('min and max are NaN when any value is NaN (Math.min / BigQuery semantics)', () => {
    const input = [
      { id: 1, shop: 'a', amount: 3, at: at(1) },
      { id: 2, shop: 'a', amount: NaN, at: at(1) },
      { id: 3, shop: 'b', amount: -Infinity, at: at(1) },
    ];
    const out = run((p) => {
      p.write(p.read(sales).groupBy((r) => r.shop).aggregate((g) => ({ min: g.min((r) => r.amount), max: g.max((r) => r.amount) })), { name: 'out' });
    }, input);
    expect(out[0]!.min).to.be.NaN;
    expect(out[0]!.max).to.be.NaN;
    expect(out[1]).to.deep.equal({ key: 'b', min: -Infinity, max: -Infinity });
  });

  it('groups NaN with NaN and -0 with 0; countDistinct likewise', () => {
    const input = [
      { id: 1, shop: 'a', amount: NaN, at: at(1) },
      { id: 2, shop: 'a', amount: NaN, at: at(1) },
      { id: 3, shop: 'a', amount: -0, at: at(1) },
      { id: 4, shop: 'a', amount: 0, at: at(1) },
    ];
    const p = pipeline('nan', (p) => {
      p.write(p.read(sales).groupBy((r) => r.amount).aggregate((g) => ({ n: g.count() })), { name: 'groups' });
      p.write(p.read(sales).aggregate((g) => ({ d: g.countDistinct((r) => r.amount) })), { name: 'distinct' });
    });
    const { groups, distinct } = runDirect([p], { sources: { sales: input } }).models;
    expect(distinct).to.deep.equal([{ d: 2 }]);
    expect(groups!.map((r) => r.n)).to.deep.equal([2, 2]);
    expect(groups![1]!.key).to.equal(0);
    expect(groups![0]!.key).to.be.NaN;
  });

  it('groups Dates by time, not identity', () => {
    const out = run((p) => {
      p.write(p.read(sales).groupBy((r) => r.at).aggregate((g) => ({ ids: g.arrayAgg((r) => r.id) })), { name: 'out' });
    });
    expect(out).to.deep.equal([
      { key: at(30), ids: [1] },
      { key: at(10), ids: [2, 3] },
      { key: at(20), ids: [4, 5] },
      { key: at(5), ids: [6] },
    ]);
  });

  it('arrayAgg drops NULLs, orders by `order` (NULL order keys first), and de-duplicates with distinct', () => {
    const out = run((p) => {
      p.write(
        p.read(sales).aggregate((g) => ({
          plain: g.arrayAgg((r) => r.amount),
          byTime: g.arrayAgg((r) => r.id, { order: (r) => [r.at, desc(r.id)] }),
          byShop: g.arrayAgg((r) => r.id, { order: (r) => r.shop }),
          shops: g.arrayAgg((r) => r.shop, { distinct: true }),
        })),
        { name: 'out' },
      );
    });
    expect(out).to.deep.equal([
      {
        plain: [10, 5, 7, 1],
        byTime: [6, 3, 2, 5, 4, 1],
        byShop: [4, 6, 1, 3, 5, 2],
        shops: ['a', 'b'],
      },
    ]);
  });

  it('first / last take the value (even NULL) on the first / last row by order; latestNonNull skips NULLs', () => {
    const out = run((p) => {
      p.write(
        p.read(sales).groupBy((r) => r.shop).aggregate((g) => ({
          first: g.first((r) => r.amount, (r) => r.at),
          last: g.last((r) => r.amount, (r) => r.at),
          latest: g.latestNonNull((r) => r.amount, (r) => r.at),
          newestFirst: g.first((r) => r.id, (r) => desc(r.at)),
        })),
        { name: 'out' },
      );
    });
    expect(out).to.deep.equal([
      // shop a: (t10, 5, id 3), (t20, null, id 5), (t30, 10, id 1)
      { key: 'a', first: 5, last: 10, latest: 10, newestFirst: 1 },
      { key: 'b', first: null, last: null, latest: null, newestFirst: 2 },
      // shop null: (t5, 1, id 6), (t20, 7, id 4)
      { key: null, first: 1, last: 7, latest: 7, newestFirst: 4 },
    ]);
  });

  it('latestNonNull takes the last non-null even when the last row is NULL', () => {
    const out = run((p) => {
      p.write(p.read(sales).aggregate((g) => ({ v: g.latestNonNull((r) => r.amount, (r) => r.id) })), { name: 'out' });
    });
    // by id: 1:10, 2:null, 3:5, 4:7, 5:null, 6:1 → last non-null is id 6
    expect(out).to.deep.equal([{ v: 1 }]);
    const out2 = run((p) => {
      p.write(p.read(sales).aggregate((g) => ({ v: g.latestNonNull((r) => r.amount, (r) => desc(r.id)) })), { name: 'out' });
    });
    expect(out2).to.deep.equal([{ v: 10 }]);
  });

  it('a global aggregate over zero rows yields one row: count 0, others null, arrayAgg []', () => {
    const out = run((p) => {
      p.write(
        p.read(sales).aggregate((g) => ({
          n: g.count(),
          c: g.countIf((r) => r.id > 0),
          d: g.countDistinct((r) => r.id),
          s: g.sum((r) => r.amount),
          mn: g.min((r) => r.amount),
          a: g.avg((r) => r.amount),
          any: g.any((r) => r.id),
          arr: g.arrayAgg((r) => r.id),
          f: g.first((r) => r.id, (r) => r.at),
          l: g.latestNonNull((r) => r.id, (r) => r.at),
        })),
        { name: 'out' },
      );
    }, []);
    expect(out).to.deep.equal([{ n: 0, c: 0, d: 0, s: null, mn: null, a: null, any: null, arr: [], f: null, l: null }]);
  });

  it('a grouped aggregate over zero rows yields no rows', () => {
    const out = run((p) => {
      p.write(p.read(sales).groupBy((r) => r.shop).aggregate((g) => ({ n: g.count() })), { name: 'out' });
    }, []);
    expect(out).to.deep.equal([]);
  });

  it('keeps an INT64 sum a number', () => {
    const out = run((p) => {
      p.write(p.read(sales).aggregate((g) => ({ s: g.sum((r) => r.id) })), { name: 'out' });
    });
    expect(out).to.deep.equal([{ s: 21 }]);
  });

  it('rejects an aggregate column named like a key column', () => {
    expect(() =>
      run((p) => {
        p.write(p.read(sales).groupBy((r) => ({ shop: r.shop })).aggregate((g) => ({ shop: g.count() })), { name: 'out' });
      }),
    ).to.throw(/aggregate column 'shop' has the name of a group key column/);
  });
});
