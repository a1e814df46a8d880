/**
 * Every transform compiled to DuckDB SQL and run on DuckDB, and run on the DirectRunner:
 * both must produce the hand-written rows (as multisets, column order included).
 */
import { expect } from 'chai';
import { at, inputs, transformPipelines } from '../fixtures/e2e/transforms.js';
import { expectRows, rowsOf, runEngines, type EngineResults } from './support/engines.js';

describe('e2e: transforms on DuckDB and the DirectRunner', function () {
  let results: EngineResults;
  before(async () => {
    results = await runEngines(transformPipelines, inputs);
  });
  const order = (id: number) => inputs.e2e_orders.find((o) => o.id === id)!;

  describe('row-wise', () => {
    it('map: ?? defaults, arithmetic on a nullable FLOAT64, timestamp comparison with a literal', () => {
      expectRows(results, 't_map', [
        { id: 1, who: 'a', cents: 1000, late: false },
        { id: 2, who: 'a', cents: 0, late: true },
        { id: 3, who: 'b', cents: 250, late: true },
        { id: 4, who: 'anon', cents: 700, late: true },
        { id: 5, who: 'a', cents: 1200, late: true },
        { id: 6, who: 'anon', cents: 0, late: false },
        { id: 7, who: 'c', cents: -400, late: true },
        { id: 8, who: 'd', cents: 0, late: true },
      ]);
    });

    it('filter: a conjunction narrowing a nullable column keeps whole rows', () => {
      expectRows(results, 't_filter', [order(1), order(4)]);
    });

    it('flatMap over an array column with the element index; an empty array yields no rows', () => {
      expectRows(results, 't_flat_tags', [
        { id: 1, tag: 'x', pos: 0 },
        { id: 1, tag: 'y', pos: 1 },
        { id: 3, tag: 'z', pos: 0 },
      ]);
    });

    it("flatMap over split(',') keeps empty parts, and ''.split(',') is ['']", () => {
      expectRows(results, 't_flat_split', [
        { id: 1, part: 'a', pos: 0 },
        { id: 1, part: 'b', pos: 1 },
        { id: 1, part: '', pos: 2 },
        { id: 1, part: 'c', pos: 3 },
        { id: 2, part: '', pos: 0 },
        { id: 3, part: 'solo', pos: 0 },
      ]);
    });

    it('flatMap to an array literal of objects: one row per object, NULLs kept', () => {
      expectRows(results, 't_flat_literal', [
        { id: 1, kind: 'a', v: 1 },
        { id: 1, kind: 'b', v: 2 },
        { id: 2, kind: 'a', v: 3 },
        { id: 2, kind: 'b', v: null },
        { id: 3, kind: 'a', v: -1 },
        { id: 3, kind: 'b', v: 0 },
      ]);
    });
  });

  describe('aggregates', () => {
    // arrayAgg distinct: values chosen so that first-appearance order (DirectRunner) and value order
    // (SQL sorts distinct arrays) coincide; see the report on that difference.
    it('groupBy a nullable key with every deterministic aggregator; NULL keys form one group', () => {
      expectRows(results, 't_group', [
        {
          key: 'a', n: 3, paid: 1, statuses: 3, amounts: 2, total: 22, lo: 10, hi: 12, mean: 11,
          newestFirst: [2, 5, 1], amountsInTime: [10, 12], amountSet: [10, 12],
          firstAmount: 10, lastAmount: null, latestAmount: 12, lastStatus: 'open',
        },
        {
          key: 'b', n: 1, paid: 1, statuses: 1, amounts: 1, total: 2.5, lo: 2.5, hi: 2.5, mean: 2.5,
          newestFirst: [3], amountsInTime: [2.5], amountSet: [2.5],
          firstAmount: 2.5, lastAmount: 2.5, latestAmount: 2.5, lastStatus: 'paid',
        },
        {
          key: null, n: 2, paid: 1, statuses: 2, amounts: 1, total: 7, lo: 7, hi: 7, mean: 7,
          newestFirst: [4, 6], amountsInTime: [7], amountSet: [7],
          firstAmount: null, lastAmount: 7, latestAmount: 7, lastStatus: 'paid',
        },
        {
          key: 'c', n: 1, paid: 1, statuses: 1, amounts: 1, total: -4, lo: -4, hi: -4, mean: -4,
          newestFirst: [7], amountsInTime: [-4], amountSet: [-4],
          firstAmount: -4, lastAmount: -4, latestAmount: -4, lastStatus: 'paid',
        },
        {
          key: 'd', n: 1, paid: 0, statuses: 1, amounts: 0, total: null, lo: null, hi: null, mean: null,
          newestFirst: [8], amountsInTime: [], amountSet: [],
          firstAmount: null, lastAmount: null, latestAmount: null, lastStatus: 'open',
        },
      ]);
    });

    it('min / max are NaN when any value is NaN (Math.min / Math.max)', () => {
      expectRows(results, 't_group_nan', [
        { key: 'a', lo: NaN, hi: NaN },
        { key: 'b', lo: -0.5, hi: 3 },
      ]);
    });

    it('groupBy an object key spreads it into leading columns', () => {
      expectRows(results, 't_group_object_key', [
        { customer: 'a', paid: true, n: 1 },
        { customer: 'a', paid: false, n: 2 },
        { customer: 'b', paid: true, n: 1 },
        { customer: null, paid: true, n: 1 },
        { customer: null, paid: false, n: 1 },
        { customer: 'c', paid: true, n: 1 },
        { customer: 'd', paid: false, n: 1 },
      ]);
    });

    it('any: some non-null value of the group (NULL only when the group has none)', () => {
      const allowed: Record<string, { status: string[]; amount: (number | null)[] }> = {
        a: { status: ['paid', 'open', 'refund'], amount: [10, 12] },
        b: { status: ['paid'], amount: [2.5] },
        null: { status: ['paid', 'open'], amount: [7] },
        c: { status: ['paid'], amount: [-4] },
        d: { status: ['open'], amount: [null] },
      };
      for (const engine of ['duck', 'direct'] as const) {
        const rows = rowsOf(results, engine, 't_group_any');
        expect(rows.map((r) => String(r.key)).sort(), engine).to.deep.equal(['a', 'b', 'c', 'd', 'null']);
        for (const row of rows) {
          const ok = allowed[String(row.key)]!;
          expect(ok.status, `${engine} key ${String(row.key)}`).to.include(row.someStatus);
          expect(ok.amount, `${engine} key ${String(row.key)}`).to.include(row.someAmount);
        }
      }
    });

    it('global aggregate: one row over all rows', () => {
      expectRows(results, 't_global', [
        {
          n: 8, paid: 4, statuses: 3, total: 27.5, lo: -4, hi: 12, mean: 5.5,
          ids: [1, 2, 3, 4, 5, 6, 7, 8], customers: ['a', 'b', 'c', 'd'], firstStatus: 'open', lastStatus: 'open', latest: 12,
        },
      ]);
    });

    it('global aggregate over zero rows: one row of zero counts, NULLs and an empty array', () => {
      expectRows(results, 't_global_empty', [
        {
          n: 0, paid: 0, statuses: 0, total: null, lo: null, hi: null, mean: null, some: null,
          ids: [], firstStatus: null, lastStatus: null, latest: null,
        },
      ]);
    });
  });

  describe('joins', () => {
    const inner = [
      { id: 1, name: 'Ann' },
      { id: 2, name: 'Ann' },
      { id: 5, name: 'Ann' },
      { id: 3, name: 'Bob' },
      { id: 3, name: 'Bea' },
      // l.customer === r.id is true for null === null, as in JavaScript.
      { id: 4, name: 'Nobody' },
      { id: 6, name: 'Nobody' },
    ];

    it('inner: duplicate right keys multiply, NULL keys match each other', () => {
      expectRows(results, 't_join_inner', inner);
    });

    it('left: unmatched left rows get an all-NULL right side', () => {
      expectRows(results, 't_join_left', [...inner, { id: 7, name: null }, { id: 8, name: null }]);
    });

    it('full: then unmatched right rows with an all-NULL left side', () => {
      expectRows(results, 't_join_full', [...inner, { id: 7, name: null }, { id: 8, name: null }, { id: null, name: 'Zed' }]);
    });
  });

  describe('union, distinct, dedupe', () => {
    it('union matches columns by name when the inputs list them in another order', () => {
      expectRows(results, 't_union', [
        ...inputs.e2e_orders.map((o) => ({ id: o.id, label: o.status })),
        ...['Ann', 'Bob', 'Nobody', 'Zed', 'Bea'].map((label) => ({ id: 0, label })),
      ], { ignoreDirectKeyOrder: true }); // reported: the DirectRunner keeps the second input's key order (label, id)
    });

    it('distinct removes duplicate rows', () => {
      expectRows(results, 't_distinct', [
        { status: 'paid', known: true },
        { status: 'open', known: true },
        { status: 'paid', known: false },
        { status: 'refund', known: true },
        { status: 'open', known: false },
      ]);
    });

    it('distinct treats NULLs as equal', () => {
      expectRows(results, 't_distinct_nulls', [{ customer: 'a' }, { customer: 'b' }, { customer: null }, { customer: 'c' }, { customer: 'd' }]);
    });

    it('dedupe keeps the latest row per key (desc order), NULL keys forming one key', () => {
      expectRows(results, 't_dedupe', [order(2), order(3), order(4), order(7), order(8)]);
    });

    it('dedupe on an object key, ascending order with NULLs first and a tiebreaker', () => {
      expectRows(results, 't_dedupe_nulls_first', [order(7), order(2)]);
    });
  });

  describe('windows and sessions', () => {
    it('rowNumber, lag / lead with offsets 0, 1, 2, runningSum (NULL while none), runningCount per partition', () => {
      const w = (id: number, rn: number, prevAmount: number | null, prev2: number | null, next: number | null, next2: number | null, run: number | null, cnt: number) => ({
        ...order(id), rn, prevAmount, prev2, same: id, next, next2, run, cnt,
      });
      expectRows(results, 't_window', [
        w(1, 1, null, null, 5, 2, 10, 1),
        w(5, 2, 10, null, 2, null, 22, 2),
        w(2, 3, 12, 1, null, null, 22, 3),
        w(3, 1, null, null, null, null, 2.5, 1),
        w(6, 1, null, null, 4, null, null, 1),
        w(4, 2, null, null, null, null, 7, 2),
        w(7, 1, null, null, null, null, -4, 1),
        w(8, 1, null, null, null, null, null, 1),
      ]);
    });

    it('rank with gaps over a descending order, NULLs last and tied; one partition', () => {
      const w = (id: number, rk: number, run: number) => ({ ...order(id), rk, run });
      expectRows(results, 't_window_rank', [
        w(5, 1, 12),
        w(1, 2, 22),
        w(4, 3, 29),
        w(3, 4, 31.5),
        w(7, 5, 27.5),
        w(2, 6, 27.5),
        w(6, 6, 27.5),
        w(8, 6, 27.5),
      ]);
    });

    it('sessionize: a gap equal to gapSeconds continues the session, 1 ms more starts a new one; per key, NULL key included', () => {
      const s = (user: string | null, seconds: number, page: string, id: string, start: Date, end: Date, index: number) => ({
        user, at: at(seconds), page, session_id: id, session_start: start, session_end: end, session_index: index,
      });
      const p5 = { ...s('u1', 210, 'p5', 'u1-1704067410', at(210, 1), at(210, 1), 0), at: at(210, 1) };
      expectRows(results, 't_sessions', [
        s('u1', 0, 'p1', 'u1-1704067200', at(0), at(60), 0),
        s('u1', 60, 'p2', 'u1-1704067200', at(0), at(60), 1),
        s('u1', 121, 'p3', 'u1-1704067321', at(121), at(150), 0),
        s('u1', 150, 'p4', 'u1-1704067321', at(121), at(150), 1),
        p5,
        s('u2', 30, 'q1', 'u2-1704067230', at(30), at(30), 0),
        s(null, 0, 'n1', 'null-1704067200', at(0), at(45), 0),
        s(null, 45, 'n2', 'null-1704067200', at(0), at(45), 1),
      ]);
    });
  });

  describe('pipeline structure', () => {
    it('a composite transform(...) applied with apply', () => {
      expectRows(results, 't_composite', [
        { id: 1, amount: 10 },
        { id: 3, amount: 2.5 },
        { id: 4, amount: 7 },
        { id: 7, amount: -4 },
      ]);
    });

    it("apply('name', fn) scopes an inline composite", () => {
      expectRows(results, 't_composite_named', [{ id: 1 }, { id: 5 }]);
      const names = results.compiled.models.find((m) => m.name === 't_composite_named')!.query.duckdb;
      expect(names).to.include('e2e_structure/big/');
    });

    it('one collection feeding two models', () => {
      expectRows(results, 't_reuse_ids', [{ id: 1 }, { id: 3 }, { id: 4 }, { id: 7 }]);
      expectRows(results, 't_reuse_total', [{ n: 4, total: 15.5 }]);
    });

    it('a model reading a model of another pipeline', () => {
      expectRows(results, 't_read_model', [
        { customer: 'a', n: 3, total: 22 },
        { customer: null, n: 2, total: 7 },
      ]);
      const model = results.compiled.models.find((m) => m.name === 't_read_model')!;
      expect(model.dependsOn.models).to.deep.equal(['t_group']);
    });
  });
});
