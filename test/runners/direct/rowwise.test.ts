import { expect } from 'chai';
import { runDirect } from '../../../src/runners/direct/index.js';
import { pipeline, source, t } from '../../../src/sdk/index.js';

const people = source('people', { id: t.string(), name: t.string().nullable(), age: t.int64().nullable(), tags: t.array(t.string()) });
const rows = [
  { id: 'a', name: 'Ann', age: 30, tags: ['x', 'y'] },
  { id: 'b', name: null, age: null, tags: [] },
  { id: 'c', name: 'Cy', age: 0, tags: ['z'] },
];

describe('direct runner: map, filter, flatMap, union, distinct', () => {
  it('map calls the lambda per row and stores undefined as null', () => {
    const p = pipeline('m', (p) => {
      p.write(p.read(people).map((r) => ({ id: r.id, upper: r.name?.toUpperCase() })), { name: 'out' });
    });
    expect(runDirect([p], { sources: { people: rows } }).models.out).to.deep.equal([
      { id: 'a', upper: 'ANN' },
      { id: 'b', upper: null },
      { id: 'c', upper: 'CY' },
    ]);
  });

  it('filter keeps rows whose predicate is truthy, like Array.filter', () => {
    const p = pipeline('f', (p) => {
      p.write(p.read(people).filter((r) => r.age !== null && r.age < 40), { name: 'typed' });
      // A non-boolean result follows JS truthiness: 0 and null drop the row.
      p.write(p.read(people).filter((r) => r.age as unknown as boolean), { name: 'truthy' });
    });
    const out = runDirect([p], { sources: { people: rows } }).models;
    expect(out.typed!.map((r) => r.id)).to.deep.equal(['a', 'c']);
    expect(out.truthy!.map((r) => r.id)).to.deep.equal(['a']);
  });

  it('flatMap concatenates the returned arrays (empty arrays drop the row)', () => {
    const p = pipeline('fm', (p) => {
      p.write(p.read(people).flatMap((r) => r.tags.map((tag) => ({ id: r.id, tag }))), { name: 'out' });
    });
    expect(runDirect([p], { sources: { people: rows } }).models.out).to.deep.equal([
      { id: 'a', tag: 'x' },
      { id: 'a', tag: 'y' },
      { id: 'c', tag: 'z' },
    ]);
  });

  it('union concatenates, keeping duplicates (UNION ALL)', () => {
    const p = pipeline('u', (p) => {
      const ids = p.read(people).map((r) => ({ id: r.id }));
      p.write(ids.union(ids.filter((r) => r.id === 'b')), { name: 'out' });
    });
    expect(runDirect([p], { sources: { people: rows } }).models.out!.map((r) => r.id)).to.deep.equal(['a', 'b', 'c', 'b']);
  });

  it('distinct removes rows equal by value: NaN = NaN, -0 = 0, Dates by time, any key order', () => {
    const nums = source('nums', { x: t.float64(), at: t.timestamp().nullable() });
    const p = pipeline('d', (p) => {
      p.write(p.read(nums).distinct(), { name: 'out' });
    });
    const at = (ms: number) => new Date(ms);
    const out = runDirect([p], {
      sources: { nums: [{ x: NaN, at: null }, { at: null, x: NaN }, { x: 0, at: at(5) }, { x: -0, at: at(5) }, { x: 0, at: at(6) }] },
    }).models.out!;
    expect(out).to.have.length(3);
    expect(Number.isNaN(out[0]!.x)).to.equal(true);
    expect(out.slice(1)).to.deep.equal([{ x: 0, at: at(5) }, { x: 0, at: at(6) }]);
  });

  it('works on empty inputs', () => {
    const p = pipeline('e', (p) => {
      p.write(p.read(people).map((r) => ({ id: r.id })).distinct(), { name: 'out' });
    });
    expect(runDirect([p], { sources: { people: [] } }).models.out).to.deep.equal([]);
  });

  it('reports an exception in a lambda at its call site, with the row', () => {
    const p = pipeline('boom', (p) => {
      p.write(p.read(people).map((r) => ({ n: r.name!.length })), { name: 'out' });
    });
    expect(() => runDirect([p], { sources: { people: rows } }))
      .to.throw(/rowwise\.test\.ts:\d+:\d+: map lambda threw TypeError: .* on \{"id":"b"/);
  });

  it('rejects a map lambda that does not return an object', () => {
    const p = pipeline('bad', (p) => {
      p.write(p.read(people).map((r) => r.id as unknown as { id: string }), { name: 'out' });
    });
    expect(() => runDirect([p], { sources: { people: rows } })).to.throw(/map lambda must return a row object, returned "a"/);
  });
});
