import { expect } from 'chai';
import { prune } from '../../../../src/compiler/plan/passes/prune.js';
import type { Rel } from '../../../../src/compiler/ir/rel.js';
import { aggregate, c, distinct, eq, f, filter, I, l, ne, project, scan, site, union, unnest, window } from '../helpers/rel.js';

type Project = Extract<Rel, { k: 'project' }>;
const wide = scan('wide', [f('a'), f('b'), f('c'), f('d', I)]);
const names = (rel: Rel) => rel.schema.map((x) => x.name);

describe('pass: column pruning', () => {
  it('narrows a scan to the columns the query reads, including those only its WHERE reads', () => {
    const rel = prune(project(wide, [ne('x', c('a'))], eq(c('b'), l('1')))) as Project;
    expect(names(rel)).to.deep.equal(['x']);
    expect(names(rel.input)).to.deep.equal(['a', 'b']);
  });

  it('drops unused columns of an inner project', () => {
    const inner = project(wide, [ne('a', c('a')), ne('b2', c('b')), ne('d', c('d', I))]);
    const rel = prune(project(inner, [ne('a', c('a'))])) as Project;
    expect((rel.input as Project).columns).to.deep.equal([ne('a', c('a'))]);
    expect(names((rel.input as Project).input)).to.deep.equal(['a']);
  });

  it('keeps every group key and drops unused aggregates', () => {
    const agg = aggregate(wide, [ne('a', c('a')), ne('b', c('b'))], [
      { name: 'n', fn: 'count_star', site, type: I },
      { name: 'total', fn: 'sum', arg: c('d', I), site, type: I },
    ]);
    const rel = prune(project(agg, [ne('n', c('n', I))])) as Project;
    const pruned = rel.input as Extract<Rel, { k: 'aggregate' }>;
    expect(names(pruned)).to.deep.equal(['a', 'b', 'n']);
    expect(pruned.aggs.map((a) => a.name)).to.deep.equal(['n']);
    expect(names(pruned.input)).to.deep.equal(['a', 'b']);
  });

  it('prunes each join side to what the kept columns and the condition read', () => {
    const right = scan('r', [f('k'), f('v'), f('w')]);
    const join: Rel = {
      k: 'join', left: wide, right, joinType: 'inner',
      on: eq(c('a', undefined, 'left'), c('k', undefined, 'right')),
      columns: [ne('b', c('b', undefined, 'left')), ne('v', c('v', undefined, 'right')), ne('w', c('w', undefined, 'right'))],
      schema: [f('b'), f('v'), f('w')], origin: { name: 'join', site },
    };
    const rel = prune(project(join, [ne('b', c('b'))])) as Project;
    const j = rel.input as Extract<Rel, { k: 'join' }>;
    expect(j.columns.map((x) => x.name)).to.deep.equal(['b']);
    expect(names(j.left)).to.deep.equal(['a', 'b']);
    expect(names(j.right)).to.deep.equal(['k']);
  });

  it('never prunes below distinct', () => {
    const rel = prune(project(distinct(wide), [ne('a', c('a'))])) as Project;
    expect(names(rel.input)).to.deep.equal(['a', 'b', 'c', 'd']);
    expect(names((rel.input as Extract<Rel, { k: 'distinct' }>).input)).to.deep.equal(['a', 'b', 'c', 'd']);
  });

  it('prunes union branches alike, re-selecting a shared branch that must keep more columns', () => {
    const other = scan('other', [f('a'), f('b'), f('c'), f('d', I)]);
    const needsMore = project(wide, [ne('c', c('c'))]);
    const rel = prune(project(union(wide, other), [ne('a', c('a'))])) as Project;
    const pruned = rel.input as Extract<Rel, { k: 'union' }>;
    expect(pruned.inputs.map(names)).to.deep.equal([['a'], ['a']]);

    // `wide` is both a union branch and read elsewhere for `c`.

    const sharedTop: Rel = {
      k: 'join', left: project(union(wide, other), [ne('a', c('a'))]), right: needsMore, joinType: 'inner',
      on: eq(c('a', undefined, 'left'), c('c', undefined, 'right')),
      columns: [ne('a', c('a', undefined, 'left'))], schema: [f('a')], origin: { name: 'join', site },
    };
    const j = prune(sharedTop) as Extract<Rel, { k: 'join' }>;
    const shared = (j.left as Project).input as Extract<Rel, { k: 'union' }>;
    expect(names(shared.inputs[0]!)).to.deep.equal(['a']);
    expect(shared.inputs[0]!.k).to.equal('project');
    expect(names((shared.inputs[0] as Project).input)).to.deep.equal(['a', 'c']);
    expect(names(shared.inputs[1]!)).to.deep.equal(['a']);
  });

  it('drops window columns nobody reads but keeps helpers QUALIFY reads', () => {
    const w = window(wide, [c('a')], [{ expr: c('d', I), desc: false }], [
      { name: '__rn', fn: 'row_number', site, type: I, helper: true },
      { name: 'prev', fn: 'lag', arg: c('c'), offset: 1, site, type: I },
    ], eq(c('__rn', I), l(1, I)));
    const rel = prune(project(w, [ne('b', c('b'))])) as Project;
    const pruned = rel.input as Extract<Rel, { k: 'window' }>;
    expect(pruned.columns.map((x) => x.name)).to.deep.equal(['__rn']);
    expect(names(pruned)).to.deep.equal(['b']);
    expect(names(pruned.input)).to.deep.equal(['a', 'b', 'd']);
  });

  it('keeps what an unnest reads for its array and columns', () => {
    const arr = { kind: 'ARRAY', nullable: false, element: { kind: 'STRING', nullable: false } } as const;
    const docs = scan('docs', [f('id'), f('tags', arr), f('body')]);
    const un = unnest(docs, c('tags', arr), [ne('id', c('id')), ne('tag', { k: 'elem', type: { kind: 'STRING', nullable: false } }), ne('body', c('body'))]);
    const rel = prune(project(un, [ne('tag', c('tag'))])) as Project;
    expect(names(rel.input)).to.deep.equal(['tag']);
    expect(names((rel.input as Extract<Rel, { k: 'unnest' }>).input)).to.deep.equal(['tags']);
  });

  it('keeps one column when a parent needs none (count over a scan)', () => {
    const agg = aggregate(wide, [], [{ name: 'n', fn: 'count_star', site, type: I }]);
    const rel = prune(agg) as Extract<Rel, { k: 'aggregate' }>;
    expect(names(rel.input)).to.deep.equal(['a']);
  });

  it('keeps the root\'s columns', () => {
    expect(names(prune(filter(wide, eq(c('a'), l('x')))))).to.deep.equal(['a', 'b', 'c', 'd']);
  });
});
