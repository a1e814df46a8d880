import { expect } from 'chai';
import { runDirect, type Row } from '../../../src/runners/direct/index.js';
import { desc, pipeline, source, t } from '../../../src/sdk/index.js';

const events = source('events', { user: t.string().nullable(), seq: t.int64(), amount: t.int64().nullable() });
const rows = [
  { user: 'u', seq: 3, amount: 5 },
  { user: 'v', seq: 1, amount: 1 },
  { user: 'u', seq: 1, amount: null },
  { user: null, seq: 7, amount: 2 },
  { user: 'u', seq: 2, amount: 4 },
  { user: 'u', seq: 2, amount: 6 },
  { user: null, seq: 8, amount: 3 },
];

function run(build: Parameters<typeof pipeline>[1], input: Row[] = rows): Row[] {
  return runDirect([pipeline('w', build)], { sources: { events: input } }).models.out!;
}

describe('direct runner: window', () => {
  it('computes rowNumber, rank, lag/lead, runningSum and runningCount per partition; rows keep input order', () => {
    const out = run((p) => {
      const w = p.read(events).window({ partitionBy: (r) => r.user, orderBy: (r) => r.seq }, (w) => ({
        rn: w.rowNumber(),
        rk: w.rank(),
        prev: w.lag((r) => r.amount),
        next: w.lead((r) => r.amount),
        prev2: w.lag((r) => r.seq, 2),
        run: w.runningSum((r) => r.amount),
        cnt: w.runningCount(),
      }));
      p.write(w, { name: 'out' });
    });
    // partition u by seq (ties keep input order): seq1 null, seq2 4, seq2 6, seq3 5
    expect(out).to.deep.equal([
      { user: 'u', seq: 3, amount: 5, rn: 4, rk: 4, prev: 6, next: null, prev2: 2, run: 15, cnt: 4 },
      { user: 'v', seq: 1, amount: 1, rn: 1, rk: 1, prev: null, next: null, prev2: null, run: 1, cnt: 1 },
      { user: 'u', seq: 1, amount: null, rn: 1, rk: 1, prev: null, next: 4, prev2: null, run: null, cnt: 1 },
      { user: null, seq: 7, amount: 2, rn: 1, rk: 1, prev: null, next: 3, prev2: null, run: 2, cnt: 1 },
      { user: 'u', seq: 2, amount: 4, rn: 2, rk: 2, prev: null, next: 6, prev2: null, run: 4, cnt: 2 },
      { user: 'u', seq: 2, amount: 6, rn: 3, rk: 2, prev: 4, next: 5, prev2: 1, run: 10, cnt: 3 },
      { user: null, seq: 8, amount: 3, rn: 2, rk: 2, prev: 2, next: null, prev2: null, run: 5, cnt: 2 },
    ]);
  });

  it('without partitionBy the whole input is one partition; desc orders reverse', () => {
    const out = run((p) => {
      p.write(p.read(events).window({ orderBy: (r) => [desc(r.seq), r.amount] }, (w) => ({ rn: w.rowNumber(), rk: w.rank() })), { name: 'out' });
    });
    // by seq desc, amount asc: 8, 7, 3, 2(4), 2(6), 1(null), 1(1)
    expect(out.map((r) => [r.seq, r.amount, r.rn, r.rk])).to.deep.equal([
      [3, 5, 3, 3],
      [1, 1, 7, 7],
      [1, null, 6, 6],
      [7, 2, 2, 2],
      [2, 4, 4, 4],
      [2, 6, 5, 5],
      [8, 3, 1, 1],
    ]);
  });

  it('lag/lead with offset 0 return the row itself', () => {
    const out = run(
      (p) => {
        p.write(p.read(events).window({ orderBy: (r) => r.seq }, (w) => ({ same: w.lag((r) => r.seq, 0), also: w.lead((r) => r.seq, 0) })), { name: 'out' });
      },
      rows.slice(0, 2),
    );
    expect(out.map((r) => [r.same, r.also])).to.deep.equal([[3, 3], [1, 1]]);
  });

  it('handles empty input', () => {
    expect(run((p) => p.write(p.read(events).window({ orderBy: (r) => r.seq }, (w) => ({ rn: w.rowNumber() })), { name: 'out' }), [])).to.deep.equal([]);
  });

  it('rejects a window column that already exists', () => {
    expect(() => run((p) => p.write(p.read(events).window({ orderBy: (r) => r.seq }, (w) => ({ seq: w.rowNumber() })), { name: 'out' })))
      .to.throw(/window column 'seq' already exists/);
  });
});
