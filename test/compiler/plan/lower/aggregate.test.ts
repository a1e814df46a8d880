import { expect } from 'chai';
import { createPlanner } from '../../../../src/compiler/plan/index.js';
import type { AggKind, AggSpec } from '../../../../src/sdk/graph.js';
import { SluiceError } from '../../../../src/sdk/errors.js';
import type { SqlType } from '../../../../src/sdk/schema.js';
import type { Rel } from '../../../../src/compiler/ir/rel.js';
import { FakeTranslator } from '../helpers/fakeTranslator.js';
import { env, model, node, readSource } from '../helpers/graph.js';
import { c, f, I, S } from '../helpers/rel.js';

const planner = createPlanner();
const F = { kind: 'FLOAT64', nullable: false } as const;
const nullable = (t: SqlType): SqlType => ({ ...t, nullable: true });
const orders = [f('customer'), f('amount', I), f('price', F), f('note', nullable(S)), f('ts', { kind: 'TIMESTAMP', nullable: false })];
const site = { file: 'pipeline.ts', line: 7, column: 9 };

function aggregate(tr: FakeTranslator, aggs: Record<string, AggSpec>, keyed = true): Extract<Rel, { k: 'aggregate' }> {
  const read = readSource('orders', orders);
  const key = keyed ? { key: tr.lambda('groupBy', [{ name: 'customer', expr: c('customer') }]) } : {};
  const agg = node({ kind: 'aggregate', inputs: [read], aggs, ...key });
  return planner.plan(model(agg), env(tr)) as Extract<Rel, { k: 'aggregate' }>;
}

function spec(tr: FakeTranslator, kind: AggKind, value?: ReturnType<typeof c>, ordered = false): AggSpec {
  return {
    kind,
    site,
    ...(value ? { value: tr.lambda(kind, value) } : {}),
    ...(ordered ? { order: tr.lambda(kind, [{ expr: c('ts', { kind: 'TIMESTAMP', nullable: false }), desc: false }]) } : {}),
  };
}

describe('planner lowering: aggregate', () => {
  it('maps every aggregator kind to its AggFn, with args and orderings', () => {
    const tr = new FakeTranslator();
    const rel = aggregate(tr, {
      n: spec(tr, 'count'),
      big: spec(tr, 'countIf', c('flag', { kind: 'BOOL', nullable: false })),
      notes: spec(tr, 'countDistinct', c('note', nullable(S))),
      total: spec(tr, 'sum', c('amount', I)),
      lo: spec(tr, 'min', c('amount', I)),
      hi: spec(tr, 'max', c('price', F)),
      mean: spec(tr, 'avg', c('amount', I)),
      some: spec(tr, 'any', c('note', nullable(S))),
      all: { ...spec(tr, 'arrayAgg', c('note', nullable(S)), true), distinct: true },
      firstNote: spec(tr, 'first', c('note', nullable(S)), true),
      lastPrice: spec(tr, 'last', c('price', F), true),
      latest: spec(tr, 'latestNonNull', c('note', nullable(S)), true),
    });
    expect(rel.keys).to.deep.equal([{ name: 'customer', expr: c('customer') }]);
    expect(rel.aggs.map((a) => [a.name, a.fn])).to.deep.equal([
      ['n', 'count_star'], ['big', 'count_if'], ['notes', 'count_distinct'], ['total', 'sum'], ['lo', 'min'], ['hi', 'max'],
      ['mean', 'avg'], ['some', 'any_value'], ['all', 'array_agg'], ['firstNote', 'first'], ['lastPrice', 'last'], ['latest', 'latest_non_null'],
    ]);
    expect(rel.aggs[0]).to.not.have.property('arg');
    expect(rel.aggs[8]).to.deep.include({ distinct: true, order: [{ expr: c('ts', { kind: 'TIMESTAMP', nullable: false }), desc: false }] });
    expect(rel.aggs[3]!.site).to.deep.equal(site);
  });

  it('types keyed aggregates: counts INT64, values keep nullability, avg FLOAT64, arrays never NULL', () => {
    const tr = new FakeTranslator();
    const rel = aggregate(tr, {
      n: spec(tr, 'count'),
      total: spec(tr, 'sum', c('amount', I)),
      ftotal: spec(tr, 'sum', c('price', F)),
      mean: spec(tr, 'avg', c('amount', I)),
      some: spec(tr, 'any', c('note', nullable(S))),
      all: spec(tr, 'arrayAgg', c('note', nullable(S))),
      firstNote: spec(tr, 'first', c('note', nullable(S)), true),
    });
    expect(rel.schema).to.deep.equal([
      f('customer'),
      f('n', I),
      f('total', I),
      f('ftotal', F),
      f('mean', F),
      f('some', nullable(S)),
      f('all', { kind: 'ARRAY', nullable: false, element: S }),
      f('firstNote', nullable(S)),
    ]);
  });

  it('makes value aggregates nullable in a global aggregate (an empty input gives NULL)', () => {
    const tr = new FakeTranslator();
    const rel = aggregate(tr, { n: spec(tr, 'count'), total: spec(tr, 'sum', c('amount', I)), hi: spec(tr, 'max', c('price', F)) }, false);
    expect(rel.keys).to.deep.equal([]);
    expect(rel.schema).to.deep.equal([f('n', I), f('total', nullable(I)), f('hi', nullable(F))]);
  });

  it('refuses sum over a non-number at the aggregator call site', () => {
    const tr = new FakeTranslator();
    expect(() => aggregate(tr, { total: spec(tr, 'sum', c('customer')) }))
      .to.throw(SluiceError)
      .with.property('message')
      .that.equals("pipeline.ts:7:9: aggregate 'total': sum() needs a number, got STRING");
  });

  it('refuses an aggregate named like a group key column', () => {
    const tr = new FakeTranslator();
    expect(() => aggregate(tr, { customer: spec(tr, 'count') })).to.throw(SluiceError, /aggregate column 'customer' has the same name as a group key/);
  });
});
