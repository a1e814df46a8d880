import { expect } from 'chai';
import { fuse } from '../../../../src/compiler/plan/passes/fuse.js';
import type { Rel } from '../../../../src/compiler/ir/rel.js';
import { aggregate, c, call, eq, f, filter, gt, I, l, ne, origin, project, S, scan, site, spine, union, unnest, window } from '../helpers/rel.js';

type Project = Extract<Rel, { k: 'project' }>;
const people = scan('people', [f('id'), f('name'), f('age', I)]);
const upper = (e: ReturnType<typeof c>) => call('upper', [e], S);
const regex = (e: ReturnType<typeof c>) => call('regexp_contains', [e, l('x')]);

describe('pass: fuse', () => {
  it('collapses a map then a filter into one project, moving the predicate below with substitution', () => {
    const mapped = project(people, [ne('id', c('id')), ne('shout', upper(c('name')))]);
    const kept = filter(mapped, eq(c('shout'), l('BOB')));
    const rel = fuse(kept) as Project;
    expect(spine(rel)).to.deep.equal(['project', 'scan']);
    expect(rel.columns).to.deep.equal([ne('id', c('id')), ne('shout', upper(c('name')))]);
    expect(rel.where).to.deep.equal(eq(upper(c('name')), l('BOB')));
    expect(rel.schema).to.deep.equal(kept.schema);
    expect(rel.origin).to.deep.equal(origin('filter'));
  });

  it('ANDs the WHEREs of a filter chain, lower first', () => {
    const rel = fuse(filter(filter(people, gt(c('age', I), l(1, I))), eq(c('name'), l('a')))) as Project;
    expect(spine(rel)).to.deep.equal(['project', 'scan']);
    expect(rel.where).to.deep.equal({ k: 'op', op: 'and', args: [gt(c('age', I), l(1, I)), eq(c('name'), l('a'))], type: { kind: 'BOOL', nullable: false } });
  });

  it('does not copy an expensive expression the upper node uses twice', () => {
    const mapped = project(people, [ne('m', regex(c('name')))]);
    const twice = project(mapped, [ne('a', c('m', { kind: 'BOOL', nullable: false })), ne('b', c('m', { kind: 'BOOL', nullable: false }))]);
    expect(spine(fuse(twice))).to.deep.equal(['project', 'project', 'scan']);
  });

  it('never merges into an input that another node also reads', () => {
    const shared = project(people, [ne('id', c('id')), ne('shout', upper(c('name')))]);
    const a = filter(shared, eq(c('id'), l('1')));
    const b = filter(shared, eq(c('id'), l('2')));
    const rel = fuse(union(a, b)) as Extract<Rel, { k: 'union' }>;
    expect(rel.inputs.map(spine)).to.deep.equal([['project', 'project', 'scan'], ['project', 'project', 'scan']]);
    expect((rel.inputs[0] as Project).input).to.equal((rel.inputs[1] as Project).input);
  });

  it('drops a project that re-selects its input unchanged', () => {
    const rel = fuse(project(people, people.schema.map((x) => ne(x.name, c(x.name, x.type)))));
    expect(rel).to.equal(people);
  });

  it('absorbs a project under an aggregate into its keys, arguments and WHERE', () => {
    const mapped = project(people, [ne('k', upper(c('name'))), ne('age', c('age', I))], gt(c('age', I), l(0, I)));
    const agg = aggregate(mapped, [ne('k', c('k'))], [{ name: 'total', fn: 'sum', arg: c('age', I), site, type: I }]);
    const rel = fuse(agg) as Extract<Rel, { k: 'aggregate' }>;
    expect(spine(rel)).to.deep.equal(['aggregate', 'scan']);
    expect(rel.keys).to.deep.equal([ne('k', upper(c('name')))]);
    expect(rel.aggs[0]!.arg).to.deep.equal(c('age', I));
    expect(rel.where).to.deep.equal(gt(c('age', I), l(0, I)));
    expect(rel.schema).to.deep.equal(agg.schema);
  });

  it('absorbs a project under an unnest', () => {
    const arr = { kind: 'ARRAY', nullable: false, element: S } as const;
    const mapped = project(scan('docs', [f('id'), f('text')]), [ne('id', c('id')), ne('words', call('split', [c('text'), l(' ')], arr))]);
    const un = unnest(mapped, c('words', arr), [ne('id', c('id')), ne('word', { k: 'elem', type: S })]);
    const rel = fuse(un) as Extract<Rel, { k: 'unnest' }>;
    expect(spine(rel)).to.deep.equal(['unnest', 'scan']);
    expect(rel.array).to.deep.include({ op: 'split' });
  });

  it('turns a filter under a window into its WHERE, and a filter over a window into QUALIFY', () => {
    const w = window(filter(people, gt(c('age', I), l(0, I))), [c('name')], [{ expr: c('age', I), desc: false }], [{ name: 'rn', fn: 'row_number', site, type: I }]);
    const top = filter(w, eq(c('rn', I), l(1, I)));
    const rel = fuse(top) as Extract<Rel, { k: 'window' }>;
    expect(spine(rel)).to.deep.equal(['window', 'scan']);
    expect(rel.where).to.deep.equal(gt(c('age', I), l(0, I)));
    expect(rel.qualify).to.deep.equal(eq(c('rn', I), l(1, I)));
    expect(rel.schema).to.deep.equal(top.schema);
  });

  it('keeps a computing project under a window (the window passes input columns through by name)', () => {
    const mapped = project(people, [ne('id', c('id')), ne('shout', upper(c('name')))]);
    const w = window(mapped, [], [{ expr: c('id'), desc: false }], [{ name: 'rn', fn: 'row_number', site, type: I }]);
    expect(spine(fuse(w))).to.deep.equal(['window', 'project', 'scan']);
  });
});
