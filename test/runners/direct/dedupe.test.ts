import { expect } from 'chai';
import { runDirect } from '../../../src/runners/direct/index.js';
import { desc, pipeline, source, t } from '../../../src/sdk/index.js';

const versions = source('versions', { id: t.string().nullable(), v: t.int64(), updated: t.timestamp().nullable() });
const at = (s: number) => new Date(s * 1000);

describe('direct runner: dedupe', () => {
  const p = pipeline('dd', (p) => {
    p.write(p.read(versions).dedupe({ key: (r) => r.id, order: (r) => desc(r.updated) }), { name: 'latest' });
    p.write(p.read(versions).dedupe({ key: (r) => r.id, order: (r) => r.updated }), { name: 'earliest' });
  });
  const rows = [
    { id: 'a', v: 1, updated: at(10) },
    { id: 'a', v: 2, updated: at(30) },
    { id: 'b', v: 3, updated: null },
    { id: 'b', v: 4, updated: at(5) },
    { id: null, v: 5, updated: at(1) },
    { id: null, v: 6, updated: at(2) },
    { id: 'a', v: 7, updated: at(30) },
  ];

  it('keeps the first row per key by order; NULL keys are one key; NULL order keys sort last under desc', () => {
    const out = runDirect([p], { sources: { versions: rows } }).models;
    // a: desc(updated) → v2 and v7 tie at 30s → first in input order, v2
    expect(out.latest!.map((r) => r.v)).to.deep.equal([2, 4, 6]);
    // ascending: NULL first → b keeps v3
    expect(out.earliest!.map((r) => r.v)).to.deep.equal([1, 3, 5]);
  });

  it('yields nothing from nothing', () => {
    expect(runDirect([p], { sources: { versions: [] } }).models.latest).to.deep.equal([]);
  });
});
