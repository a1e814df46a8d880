import { expect } from 'chai';
import { createPlanner } from '../../../../src/compiler/plan/index.js';
import type { JoinType } from '../../../../src/sdk/graph.js';
import type { Rel } from '../../../../src/compiler/ir/rel.js';
import type { RowParam } from '../../../../src/compiler/translate/api.js';
import { FakeTranslator } from '../helpers/fakeTranslator.js';
import { env, model, node, readSource } from '../helpers/graph.js';
import { c, eq, f, I } from '../helpers/rel.js';

const planner = createPlanner();
const customers = [f('id'), f('name')];
const orders = [f('order_id'), f('customer_id'), f('amount', I)];

function planJoin(joinType: JoinType) {
  const tr = new FakeTranslator();
  const on = tr.lambda('join', eq(c('id', undefined, 'left'), c('customer_id', undefined, 'right')), 'on');
  // The select passes through what it is given, so its types show the nullability it saw.
  const select = tr.lambda('join', (params: readonly RowParam[]) => [
    { name: 'name', expr: c('name', params[0]!.fields[1]!.type, 'left') },
    { name: 'amount', expr: c('amount', params[1]!.fields[2]!.type, 'right') },
  ], 'select');
  const j = node({ kind: 'join', inputs: [readSource('customers', customers), readSource('orders', orders)], joinType, on, select });
  return { rel: planner.plan(model(j), env(tr)) as Extract<Rel, { k: 'join' }>, tr };
}

describe('planner lowering: join', () => {
  it('translates the condition over both sides as declared, tagged left / right', () => {
    const { rel, tr } = planJoin('left');
    expect(rel.on).to.deep.equal(eq(c('id', undefined, 'left'), c('customer_id', undefined, 'right')));
    expect(tr.calls[0]!.params).to.deep.equal([{ fields: customers, rel: 'left' }, { fields: orders, rel: 'right' }]);
    expect(rel.joinType).to.equal('left');
  });

  it('shows the select the outer-joined sides as nullable', () => {
    const nullability = (t: JoinType) => planJoin(t).rel.schema.map((x) => x.type.nullable);
    expect(nullability('inner')).to.deep.equal([false, false]);
    expect(nullability('left')).to.deep.equal([false, true]);
    expect(nullability('full')).to.deep.equal([true, true]);
  });
});
