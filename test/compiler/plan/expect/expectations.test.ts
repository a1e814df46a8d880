import { expect } from 'chai';
import { createPlanner } from '../../../../src/compiler/plan/index.js';
import type { Expectation, ExpectationSpec } from '../../../../src/sdk/graph.js';
import { SluiceError } from '../../../../src/sdk/errors.js';
import type { Rel } from '../../../../src/compiler/ir/rel.js';
import { FakeTranslator } from '../helpers/fakeTranslator.js';
import { env } from '../helpers/graph.js';
import { c, f, gt, I, l, S } from '../helpers/rel.js';

const planner = createPlanner();
const NS = { ...S, nullable: true };
const columns = [f('id'), f('email', NS), f('amount', I), f('customer_id', NS)];
const orders = { name: 'orders', columns };
const site = { file: 'pipeline.ts', line: 40, column: 7 };

type Project = Extract<Rel, { k: 'project' }>;

function plan(tr: FakeTranslator, spec: ExpectationSpec, models: Record<string, typeof columns> = {}): Rel {
  const expectation: Expectation = { spec, severity: 'error', site };
  return planner.planExpectation(expectation, orders, env(tr, models));
}

const scanOf = (rel: Rel): Rel => (rel.k === 'scan' ? rel : scanOf(rel.k === 'join' ? rel.left : rel.k === 'union' ? rel.inputs[0]! : rel.input));

describe('planner: expectation queries', () => {
  it('unique: duplicated non-null values with their count', () => {
    const tr = new FakeTranslator();
    const rel = plan(tr, { kind: 'unique', value: tr.lambda('unique', [{ name: 'key', expr: c('email', NS) }]) }) as Project;
    expect(rel.schema).to.deep.equal([f('value', NS), f('count', I)]);
    expect(rel.where).to.deep.equal(gt(c('count', I), l(1, I)));
    const grouped = rel.input as Extract<Rel, { k: 'aggregate' }>;
    expect(grouped.k).to.equal('aggregate');
    expect(grouped.keys).to.deep.equal([{ name: 'value', expr: c('email', NS) }]);
    expect(grouped.where).to.deep.include({ k: 'op', op: 'is_not_null' });
    expect(grouped.aggs[0]).to.include({ fn: 'count_star', name: 'count' });
    expect(scanOf(rel)).to.deep.include({ table: { kind: 'model', name: 'orders' }, origin: { name: 'orders/expect/unique', site } });
  });

  it('unique over an object key groups by each named part', () => {
    const tr = new FakeTranslator();
    const parts = [{ name: 'id', expr: c('id') }, { name: 'amount', expr: c('amount', I) }];
    const rel = plan(tr, { kind: 'unique', value: tr.lambda('unique', parts) }) as Project;
    expect(rel.schema.map((x) => x.name)).to.deep.equal(['id', 'amount', 'count']);
    expect((rel.input as Extract<Rel, { k: 'aggregate' }>).where).to.equal(undefined);
  });

  it('notNull: the rows whose value is NULL', () => {
    const tr = new FakeTranslator();
    const rel = plan(tr, { kind: 'notNull', value: tr.lambda('notNull', c('email', NS)) }) as Project;
    expect(rel.where).to.deep.equal({ k: 'op', op: 'is_null', args: [c('email', NS)], type: { kind: 'BOOL', nullable: false } });
    expect(rel.schema).to.deep.equal(columns);
  });

  it('acceptedValues: non-null values outside the list, with literals typed like the value', () => {
    const tr = new FakeTranslator();
    const rel = plan(tr, { kind: 'acceptedValues', value: tr.lambda('acceptedValues', c('email', NS)), values: ['a', 'b'] }) as Project;
    const text = JSON.stringify(rel.where);
    expect(text).to.include('"op":"is_not_null"').and.include('"op":"not"').and.include('"op":"in"').and.include('"value":"b"');
    expect(() => plan(tr, { kind: 'acceptedValues', value: tr.lambda('acceptedValues', c('amount', I)), values: ['x'] }))
      .to.throw(SluiceError, /pipeline\.ts:40:7: acceptedValues\(\): "x" cannot be a value of type INT64/);
  });

  it('relationships: a left anti join against the other model, returning the model columns', () => {
    const tr = new FakeTranslator();
    const customers = [f('customer_id'), f('name')];
    const rel = plan(
      tr,
      { kind: 'relationships', value: tr.lambda('relationships', c('customer_id', NS)), model: 'customers', modelValue: tr.lambda('relationships', c('customer_id')) },
      { customers },
    ) as Project;
    expect(rel.schema).to.deep.equal(columns);
    const failing = rel.input as Project;
    expect(failing.where).to.deep.include({ op: 'is_null' });
    const joined = failing.input as Extract<Rel, { k: 'join' }>;
    expect(joined.joinType).to.equal('left');
    expect(joined.right.k).to.equal('project');
    expect(scanOf(joined.right)).to.deep.include({ table: { kind: 'model', name: 'customers' }, schema: customers });
    expect((joined.left as Project).where).to.deep.include({ op: 'is_not_null' });
  });

  it('relationships to an unknown model fails at the expectation', () => {
    const tr = new FakeTranslator();
    expect(() => plan(tr, { kind: 'relationships', value: tr.lambda('relationships', c('id')), model: 'ghost', modelValue: tr.lambda('relationships', c('id')) }))
      .to.throw(SluiceError, /pipeline\.ts:40:7: unknown model 'ghost'/);
  });

  it('rowCondition: rows where the condition is false or NULL', () => {
    const tr = new FakeTranslator();
    const cond = gt(c('amount', { ...I, nullable: true }), l(0, I));
    const nullableCond = { ...cond, type: { kind: 'BOOL', nullable: true } } as const;
    const rel = plan(tr, { kind: 'rowCondition', value: tr.lambda('expect', nullableCond) }) as Project;
    expect(rel.where).to.deep.include({ op: 'not' });
    expect(JSON.stringify(rel.where)).to.include('"op":"coalesce"');
  });

  it('rowCount: one row with the count when outside the inclusive bounds', () => {
    const tr = new FakeTranslator();
    const rel = plan(tr, { kind: 'rowCount', min: 1, max: 10 }) as Project;
    expect(rel.schema).to.deep.equal([f('row_count', I)]);
    expect(JSON.stringify(rel.where)).to.include('"op":"or"').and.include('"op":"lt"').and.include('"op":"gt"');
    expect(rel.input).to.deep.include({ k: 'aggregate', keys: [] });
    expect(() => plan(tr, { kind: 'rowCount', min: 5, max: 2 })).to.throw(SluiceError, /min 5 is greater than max 2/);
    expect(() => plan(tr, { kind: 'rowCount' })).to.throw(SluiceError, /needs a min or a max/);
  });
});
