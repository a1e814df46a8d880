import { expect } from 'chai';
import { createPlanner } from '../../../../src/compiler/plan/index.js';
import { SluiceError } from '../../../../src/sdk/errors.js';
import type { Rel } from '../../../../src/compiler/ir/rel.js';
import { FakeTranslator } from '../helpers/fakeTranslator.js';
import { env, model, node, readSource } from '../helpers/graph.js';
import { c, f, I, l, S, B, call } from '../helpers/rel.js';

const planner = createPlanner();
const people = [f('id'), { name: 'name', type: { kind: 'STRING', nullable: true }, description: 'full name' } as const, f('age', I)];

describe('planner lowering: reads, map, filter, flatMap, distinct', () => {
  it('lowers readSource to a scan carrying the origin of the read', () => {
    const tr = new FakeTranslator();
    const read = readSource('people', people);
    const rel = planner.plan(model(read), env(tr));
    expect(rel).to.deep.equal({ k: 'scan', table: { kind: 'source', name: 'people' }, schema: people, origin: { name: read.name, site: read.site } });
  });

  it('lowers readModel with the schema the environment reports, and previous with the declared schema', () => {
    const tr = new FakeTranslator();
    const current = node({ kind: 'readModel', inputs: [], model: 'orders', previous: false });
    const rel = planner.plan(model(current), env(tr, { orders: [f('order_id')] }));
    expect(rel).to.include({ k: 'scan' });
    expect((rel as Extract<Rel, { k: 'scan' }>).table).to.deep.equal({ kind: 'model', name: 'orders' });
    expect(rel.schema).to.deep.equal([f('order_id')]);

    const prev = node({ kind: 'readModel', inputs: [], model: 'orders', previous: true, schema: [f('x', I)] });
    const prevRel = planner.plan(model(prev), env(tr));
    expect((prevRel as Extract<Rel, { k: 'scan' }>).table).to.deep.equal({ kind: 'model', name: 'orders', previous: true });
    expect(prevRel.schema).to.deep.equal([f('x', I)]);
  });

  it('reports a read of an unknown model at the read call site', () => {
    const read = node({ kind: 'readModel', inputs: [], model: 'nope', previous: false });
    expect(() => planner.plan(model(read), env(new FakeTranslator())))
      .to.throw(SluiceError)
      .with.property('message')
      .that.matches(new RegExp(`^pipeline.ts:${read.site.line}:3: unknown model 'nope'`));
  });

  it('lowers map to a project whose schema is the translated row, keeping descriptions of passed-through columns', () => {
    const tr = new FakeTranslator();
    const read = readSource('people', people);
    const fn = tr.lambda('map', [
      { name: 'name', expr: c('name', { kind: 'STRING', nullable: true }) },
      { name: 'age2', expr: call('mul', [c('age', I), l(2, I)], I) },
    ]);
    const map = node({ kind: 'map', inputs: [read], fn });
    const rel = planner.plan(model(map), env(tr));
    expect(rel.k).to.equal('project');
    expect(rel.schema).to.deep.equal([
      { name: 'name', type: { kind: 'STRING', nullable: true }, description: 'full name' },
      { name: 'age2', type: I },
    ]);
    expect(tr.calls[0]).to.deep.include({ method: 'row', params: [{ fields: people }] });
    expect(rel.origin.name).to.equal(map.name);
  });

  it('lowers filter to a project of every input column with the predicate as WHERE', () => {
    const tr = new FakeTranslator();
    const read = readSource('people', people);
    const pred = call('gt', [c('age', I), l(18, I)]);
    const filter = node({ kind: 'filter', inputs: [read], fn: tr.lambda('filter', pred) });
    const rel = planner.plan(model(filter), env(tr)) as Extract<Rel, { k: 'project' }>;
    expect(rel.k).to.equal('project');
    expect(rel.where).to.deep.equal(pred);
    expect(rel.columns.map((x) => x.name)).to.deep.equal(['id', 'name', 'age']);
    expect(rel.schema).to.deep.equal(people);
  });

  it('lowers flatMap to an unnest of the translated array', () => {
    const tr = new FakeTranslator();
    const read = readSource('docs', [f('id'), f('tags', { kind: 'ARRAY', nullable: false, element: S })]);
    const array = c('tags', { kind: 'ARRAY', nullable: false, element: S });
    const columns = [{ name: 'id', expr: c('id') }, { name: 'tag', expr: { k: 'elem', type: S } as const }];
    const fm = node({ kind: 'flatMap', inputs: [read], fn: tr.lambda('flatMap', { array, columns }) });
    const rel = planner.plan(model(fm), env(tr));
    expect(rel).to.deep.include({ k: 'unnest', array, columns, schema: [f('id'), f('tag')] });
  });

  it('lowers distinct, refusing columns BigQuery cannot compare', () => {
    const tr = new FakeTranslator();
    const ok = node({ kind: 'distinct', inputs: [readSource('people', people)] });
    expect(planner.plan(model(ok), env(tr))).to.deep.include({ k: 'distinct', schema: people });

    const bad = node({ kind: 'distinct', inputs: [readSource('docs', [f('tags', { kind: 'ARRAY', nullable: false, element: S }), f('ok', B)])] });
    expect(() => planner.plan(model(bad), env(tr))).to.throw(SluiceError, /distinct\(\) cannot compare column 'tags' \(ARRAY<STRING>\)/);
  });

  it('lowers a node feeding two consumers once, as one shared Rel', () => {
    const tr = new FakeTranslator();
    const read = readSource('people', people);
    const u = node({ kind: 'union', inputs: [read, read] });
    const rel = planner.plan(model(u), env(tr)) as Extract<Rel, { k: 'union' }>;
    expect(rel.inputs[0]).to.equal(rel.inputs[1]);
  });

  it('reads an input that another model materializes as a scan of that model', () => {
    const tr = new FakeTranslator();
    const read = readSource('people', people);
    const filter = node({ kind: 'filter', inputs: [read], fn: tr.lambda('filter', c('ok', B)) });
    const distinct = node({ kind: 'distinct', inputs: [filter] });
    const rel = planner.plan(model(distinct), env(tr, { adults: people }, new Map([[filter, 'adults']]))) as Extract<Rel, { k: 'distinct' }>;
    expect(rel.input).to.deep.include({ k: 'scan', table: { kind: 'model', name: 'adults' } });
    // The model's own root is always computed, even when it is the materialized node.
    const own = planner.plan(model(filter, 'adults'), env(tr, { adults: people }, new Map([[filter, 'adults']])));
    expect(own.k).to.equal('project');
  });
});
