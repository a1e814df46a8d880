/** The pairwise precision / recall of examples/splink/score.ts on clusterings worked out by hand. */
import { expect } from 'chai';
import { pairScore } from '../../examples/splink/score.js';

const labels = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('examples/splink pairScore', () => {
  it('counts true, predicted and correct pairs through cluster sizes', () => {
    // Truth: {a,b,c} {d,e}: 3 + 1 = 4 pairs. Predicted: {a,b} {c,d,e}: 1 + 3 = 4 pairs, of which ab and de are right.
    const s = pairScore(labels({ a: '1', b: '1', c: '1', d: '2', e: '2' }), labels({ a: 'x', b: 'x', c: 'y', d: 'y', e: 'y' }));
    expect(s).to.deep.equal({ records: 5, truePairs: 4, predictedPairs: 4, correctPairs: 2, precision: 0.5, recall: 0.5 });
  });

  it('gives precision 1 and recall 0 when nothing is merged', () => {
    const s = pairScore(labels({ a: '1', b: '1' }), labels({ a: 'x', b: 'y' }));
    expect([s.precision, s.recall]).to.deep.equal([1, 0]);
  });

  it('refuses a record without a predicted cluster', () => {
    expect(() => pairScore(labels({ a: '1' }), labels({}))).to.throw(/record a/);
  });
});
