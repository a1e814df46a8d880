import { expect } from 'chai';
import { pushdown } from '../../../../src/compiler/plan/passes/pushdown.js';
import type { Rel } from '../../../../src/compiler/ir/rel.js';
import type { JoinType } from '../../../../src/sdk/graph.js';
import { aggregate, c, distinct, eq, f, filter, gt, I, l, ne, project, scan, site, union, window } from '../helpers/rel.js';

type Project = Extract<Rel, { k: 'project' }>;
type Join = Extract<Rel, { k: 'join' }>;
const B = { kind: 'BOOL', nullable: false } as const;
const and = (...args: ReturnType<typeof eq>[]) => ({ k: 'op', op: 'and', args, type: B }) as const;

const customers = scan('customers', [f('id'), f('country')]);
const orders = scan('orders', [f('order_id'), f('customer_id'), f('amount', I)]);

function joined(joinType: JoinType): Rel {
  return {
    k: 'join',
    left: customers,
    right: orders,
    joinType,
    on: eq(c('id', undefined, 'left'), c('customer_id', undefined, 'right')),
    columns: [ne('country', c('country', undefined, 'left')), ne('amount', c('amount', I, 'right'))],
    schema: [f('country'), f('amount', I)],
    origin: { name: 'join', site },
  };
}

const onLeft = eq(c('country'), l('NL'));
const onRight = gt(c('amount', I), l(10, I));
const bothSides = (jt: JoinType) => filter(joined(jt), and(onLeft, onRight));

describe('pass: predicate pushdown', () => {
  it('pushes each conjunct of a filter over an inner join into the side it reads', () => {
    const rel = pushdown(bothSides('inner')) as Project;
    const join = rel.input as Join;
    expect(rel.where).to.equal(undefined);
    expect((join.left as Project).where).to.deep.equal(eq(c('country'), l('NL')));
    expect((join.right as Project).where).to.deep.equal(gt(c('amount', I), l(10, I)));
    expect((join.left as Project).input).to.equal(customers);
  });

  it('pushes only left-side conjuncts below a left join', () => {
    const rel = pushdown(bothSides('left')) as Project;
    expect(rel.where).to.deep.equal(onRight);
    const join = rel.input as Join;
    expect((join.left as Project).where).to.deep.equal(onLeft);
    expect(join.right).to.equal(orders);
  });

  it('pushes nothing below a full join', () => {
    const rel = pushdown(bothSides('full')) as Project;
    expect(rel.where).to.deep.equal(and(onLeft, onRight));
    const join = rel.input as Join;
    expect([join.left, join.right]).to.deep.equal([customers, orders]);
  });

  it('keeps a conjunct reading both sides above the join', () => {
    const both = eq(c('country'), c('amount', I));
    const rel = pushdown(filter(joined('inner'), both)) as Project;
    expect(rel.where).to.deep.equal(both);
  });

  it('copies a filter over a union into every branch', () => {
    const a = scan('a', [f('x', I)]);
    const b = scan('b', [f('x', I)]);
    const rel = pushdown(filter(union(a, b), gt(c('x', I), l(0, I)))) as Project;
    expect(rel.where).to.equal(undefined);
    const u = rel.input as Extract<Rel, { k: 'union' }>;
    expect(u.inputs.map((i) => (i as Project).where)).to.deep.equal([gt(c('x', I), l(0, I)), gt(c('x', I), l(0, I))]);
  });

  it('moves conjuncts on group keys below an aggregate, substituting the key expression', () => {
    const agg = aggregate(orders, [ne('cust', c('customer_id'))], [{ name: 'total', fn: 'sum', arg: c('amount', I), site, type: I }]);
    const rel = pushdown(filter(agg, and(eq(c('cust'), l('c1')), gt(c('total', I), l(5, I))))) as Project;
    expect(rel.where).to.deep.equal(gt(c('total', I), l(5, I)));
    expect((rel.input as Extract<Rel, { k: 'aggregate' }>).where).to.deep.equal(eq(c('customer_id'), l('c1')));
  });

  it('moves conjuncts on partition columns below a window, but not on other columns', () => {
    const w = window(orders, [c('customer_id')], [{ expr: c('amount', I), desc: false }], [{ name: 'rn', fn: 'row_number', site, type: I }]);
    const rel = pushdown(filter(w, and(eq(c('customer_id'), l('c1')), gt(c('amount', I), l(5, I))))) as Project;
    expect(rel.where).to.deep.equal(gt(c('amount', I), l(5, I)));
    expect((rel.input as Extract<Rel, { k: 'window' }>).where).to.deep.equal(eq(c('customer_id'), l('c1')));
  });

  it('moves a filter below distinct and through projects down to the scan\'s SELECT', () => {
    const renamed = project(orders, [ne('who', c('customer_id')), ne('amount', c('amount', I))]);
    const rel = pushdown(filter(distinct(renamed), eq(c('who'), l('c1')))) as Project;
    expect(rel.where).to.equal(undefined);
    const d = rel.input as Extract<Rel, { k: 'distinct' }>;
    expect((d.input as Project).where).to.deep.equal(eq(c('customer_id'), l('c1')));
    expect((d.input as Project).input).to.equal(orders);
  });

  it('does not push into a node another parent also reads', () => {
    const shared = joined('inner');
    const a = filter(shared, onLeft);
    const rel = pushdown(union(a, shared)) as Extract<Rel, { k: 'union' }>;
    expect((rel.inputs[0] as Project).where).to.deep.equal(onLeft);
    expect((rel.inputs[0] as Project).input).to.equal(rel.inputs[1]);
  });
});
