/**
 * The passes must not change what a plan computes: on random tables (NULLs included), the
 * optimized plan returns the same rows as the unoptimized one, and every node stays
 * well-formed. Plans come both hand-built and from the planner's own lowering.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { createPlanner } from '../../../../src/compiler/plan/index.js';
import type { Rel } from '../../../../src/compiler/ir/rel.js';
import type { JoinType } from '../../../../src/sdk/graph.js';
import { bag, evaluate, type Tables } from '../helpers/evaluate.js';
import { FakeTranslator } from '../helpers/fakeTranslator.js';
import { env, model, node, readSource } from '../helpers/graph.js';
import { assertWellFormed } from '../helpers/wellFormed.js';
import { aggregate, c, call, distinct, eq, f, filter, gt, I, l, ne, project, S, scan, site, union, unnest, window } from '../helpers/rel.js';

const planner = createPlanner();
const NS = { ...S, nullable: true };
const NI = { ...I, nullable: true };
const B = { kind: 'BOOL', nullable: true } as const;
const and = (...args: ReturnType<typeof eq>[]) => ({ k: 'op', op: 'and', args, type: B }) as const;

const customers = scan('customers', [f('id'), f('country', NS), f('name', NS)]);
const orders = scan('orders', [f('order_id'), f('customer_id', NS), f('amount', NI)]);

const tablesArb: fc.Arbitrary<Tables> = fc.record({
  customers: fc.uniqueArray(fc.constantFrom('c1', 'c2', 'c3', 'c4'), { maxLength: 4 }).chain((ids) =>
    fc.tuple(...ids.map((id) => fc.record({ id: fc.constant(id), country: fc.constantFrom('NL', 'DE', null), name: fc.constantFrom('ann', 'bob', null) }))),
  ),
  orders: fc.array(fc.record({ customer_id: fc.constantFrom('c1', 'c2', 'c5', null), amount: fc.option(fc.integer({ min: -5, max: 30 })) }), { maxLength: 8 })
    .map((rows) => rows.map((r, i) => ({ order_id: `o${i}`, ...r }))),
  events: fc.array(fc.record({ user: fc.constantFrom('u1', 'u2', null), ts: fc.integer({ min: 0, max: 400 }) }), { maxLength: 10 })
    .map((rows) => rows.map((r, i) => ({ id: i, ...r }))),
});

function sameRows(rel: Rel): void {
  const optimized = planner.optimize(rel);
  assertWellFormed(rel);
  assertWellFormed(optimized);
  expect(optimized.schema).to.deep.equal(rel.schema);
  fc.assert(
    fc.property(tablesArb, (tables) => {
      expect(bag(evaluate(optimized, tables))).to.deep.equal(bag(evaluate(rel, tables)));
    }),
    { numRuns: 150 },
  );
}

function joined(joinType: JoinType): Rel {
  return {
    k: 'join', left: customers, right: orders, joinType,
    on: eq(c('id', S, 'left'), c('customer_id', NS, 'right')),
    columns: [ne('cid', c('id', NS, 'left')), ne('country', c('country', NS, 'left')), ne('amount', c('amount', NI, 'right')), ne('oid', c('order_id', NS, 'right'))],
    schema: [f('cid', NS), f('country', NS), f('amount', NI), f('oid', NS)],
    origin: { name: 'join', site },
  };
}

describe('passes keep the rows a plan computes', () => {
  for (const jt of ['inner', 'left', 'full'] as const) {
    it(`filter over a ${jt} join with conjuncts on each side`, () => {
      const mapped = project(joined(jt), [ne('country', c('country', NS)), ne('big', gt(c('amount', NI), l(10, I))), ne('cid', c('cid', NS))]);
      sameRows(filter(mapped, and(eq(c('country', NS), l('NL')), c('big', B))));
    });
  }

  it('filter over a union whose second branch is re-ordered', () => {
    const a = project(customers, [ne('k', c('id')), ne('v', c('country', NS))]);
    const b = project(orders, [ne('v', c('customer_id', NS)), ne('k', c('order_id'))]);
    const u: Rel = { k: 'union', inputs: [a, project(b, [ne('k', c('k')), ne('v', c('v', NS))])], schema: a.schema, origin: a.origin };
    sameRows(filter(u, eq(c('v', NS), l('NL'))));
  });

  it('filters on group keys and on aggregates over an aggregate of a filter', () => {
    const kept = filter(orders, gt(c('amount', NI), l(0, I)));
    const agg = aggregate(kept, [ne('cust', c('customer_id', NS))], [
      { name: 'n', fn: 'count_star', site, type: I },
      { name: 'total', fn: 'sum', arg: c('amount', NI), site, type: NI },
      { name: 'hi', fn: 'max', arg: c('order_id'), site, type: NS },
    ]);
    sameRows(project(filter(agg, and(eq(c('cust', NS), l('c1')), gt(c('n', I), l(1, I)))), [ne('total', c('total', NI))]));
  });

  it('a window with a filter below, a partition filter and a QUALIFY-able filter above', () => {
    const w = window(filter(orders, gt(c('amount', NI), l(-3, I))), [c('customer_id', NS)], [{ expr: c('order_id'), desc: false }], [
      { name: 'rn', fn: 'row_number', site, type: I },
      { name: 'prev', fn: 'lag', arg: c('amount', NI), offset: 1, site, type: NI },
      { name: 'run', fn: 'running_sum', arg: c('amount', NI), site, type: NI },
    ]);
    sameRows(project(filter(w, and(eq(c('rn', I), l(1, I)), eq(c('customer_id', NS), l('c2')))), [ne('order_id', c('order_id')), ne('run', c('run', NI))]));
  });

  it('distinct of a projection, filtered and narrowed above', () => {
    const d = distinct(project(orders, [ne('cust', c('customer_id', NS)), ne('pos', gt(c('amount', NI), l(0, I)))]));
    sameRows(project(filter(d, eq(c('pos', B), l(true, B))), [ne('cust', c('cust', NS))]));
  });

  it('a global count over a scan', () => {
    sameRows(aggregate(orders, [], [{ name: 'n', fn: 'count_star', site, type: I }]));
  });

  it('a shared sub-tree read by two filtered branches of a union', () => {
    const shared = project(joined('left'), [ne('cid', c('cid', NS)), ne('amount', c('amount', NI)), ne('country', c('country', NS))]);
    sameRows(project(union(filter(shared, eq(c('country', NS), l('NL'))), filter(shared, gt(c('amount', NI), l(5, I)))), [ne('cid', c('cid', NS))]));
  });

  it('an unnest over a projection, filtered above', () => {
    const arr = { kind: 'ARRAY', nullable: true, element: S } as const;
    const words = project(customers, [ne('id', c('id')), ne('parts', call('split', [c('name', NS), l('n')], arr)), ne('country', c('country', NS))]);
    const un = unnest(words, c('parts', arr), [ne('id', c('id')), ne('part', { k: 'elem', type: S }), ne('country', c('country', NS))]);
    sameRows(project(filter(un, eq(c('country', NS), l('DE'))), [ne('part', c('part'))]));
  });

  it('lowered expectations: unique, relationships and rowCount', () => {
    const tr = new FakeTranslator();
    const cols = orders.schema;
    const e = env(tr, { customers: customers.schema });
    const expectation = (spec: Parameters<typeof planner.planExpectation>[0]['spec']) => planner.planExpectation({ spec, severity: 'error', site }, { name: 'orders', columns: cols }, e);
    sameRows(expectation({ kind: 'unique', value: tr.lambda('unique', [{ name: 'key', expr: c('customer_id', NS) }]) }));
    sameRows(expectation({ kind: 'relationships', value: tr.lambda('relationships', c('customer_id', NS)), model: 'customers', modelValue: tr.lambda('relationships', c('id')) }));
    sameRows(expectation({ kind: 'rowCount', min: 2, max: 5 }));
  });

  it('lowered sessionize, read for a few of its columns', () => {
    const tr = new FakeTranslator();
    const TS = { kind: 'TIMESTAMP', nullable: false } as const;
    const read = readSource('events', [f('id', I), f('user', NS), f('ts', TS)]);
    const s = node({
      kind: 'sessionize',
      inputs: [read],
      key: tr.lambda('sessionize', [{ name: 'key', expr: c('user', NS) }], 'key'),
      time: tr.lambda('sessionize', c('ts', TS), 'time'),
      gapSeconds: 60,
    });
    const narrowed = node({ kind: 'map', inputs: [s], fn: tr.lambda('map', [ne('id', c('id', I)), ne('session_id', c('session_id'))]) });
    const rel = planner.plan(model(narrowed), env(tr));
    sameRows(rel);
    // Sessions as the DirectRunner defines them: a gap of more than 60 s starts a new one.
    const rows = evaluate(rel, { events: [{ id: 1, user: 'u', ts: 0 }, { id: 2, user: 'u', ts: 60 }, { id: 3, user: 'u', ts: 121 }, { id: 4, user: null, ts: 5 }] });
    expect(rows.sort((a, b) => (a.id as number) - (b.id as number)).map((r) => r.session_id)).to.deep.equal(['u-0', 'u-0', 'u-121', 'null-5']);
  });
});
