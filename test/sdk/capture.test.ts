import { expect } from 'chai';
import { pipeline, source, t, transform, type PCollection } from '../../src/sdk/index.js';

const people = source('people', { id: t.string(), name: t.string().nullable() });

describe('graph capture', () => {
  it('names steps hierarchically and uniquely', () => {
    const clean = transform('clean', (pc: PCollection<{ id: string; name: string | null }>) =>
      pc.filter((r) => r.name !== null).map((r) => ({ id: r.id })),
    );
    const p = pipeline('names', (p) => {
      const a = p.read(people).apply(clean);
      const b = a.map((r) => ({ id: r.id }));
      return { out: p.write(b, { name: 'out' }) };
    });
    expect(p.context.nodes.map((n) => n.name)).to.deep.equal([
      'names/read_people',
      'names/clean/filter',
      'names/clean/map',
      'names/map',
    ]);
  });

  it('records the call site of each transform', () => {
    const p = pipeline('sites', (p) => {
      p.write(p.read(people).map((r) => ({ id: r.id })), { name: 'm' });
    });
    const map = p.context.nodes.find((n) => n.kind === 'map')!;
    expect(map.site.file).to.match(/capture\.test\.ts$/);
    expect(map.site.line).to.equal(26);
    expect(map.site.column).to.equal(30);
  });

  it('rejects a duplicate composite transform name with both locations', () => {
    expect(() =>
      pipeline('dups', (p) => {
        const r = p.read(people);
        r.apply('step', (pc) => pc.distinct());
        r.apply('step', (pc) => pc.distinct());
      }),
    ).to.throw(Error).with.property('message').that.matches(/capture\.test\.ts:39:\d+: duplicate transform name 'dups\/step' \(first used at .*capture\.test\.ts:38:\d+\)/);
  });
});
