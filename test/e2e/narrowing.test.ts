import { expect } from 'chai';
import { compile } from '../../src/compiler/index.js';
import { narrowing, unchecked } from '../fixtures/e2e/narrowing.js';
import { expectRows, runEngines, type EngineResults } from './support/engines.js';

const rows = [
  { id: 'a', amount: 10, name: 'Anna' },
  { id: 'b', amount: null, name: null },
  { id: 'c', amount: 2, name: 'bo' },
];

describe('null narrowing (x !== null && ..., ?:, ||, if/return)', () => {
  let results: EngineResults;
  before(async () => {
    results = await runEngines([narrowing], { narrow_readings: rows });
  });

  it('filters with a null check before a comparison', () => {
    expectRows(results, 'narrow_and', [{ id: 'a', amount: 10, name: 'Anna' }]);
  });

  it('uses narrowed values in ?:, ||, negated checks and helpers that return early', () => {
    expectRows(results, 'narrow_values', [
      { id: 'a', big: true, len: 4, short: false, initial: 'A' },
      { id: 'b', big: true, len: -1, short: false, initial: '?' },
      { id: 'c', big: false, len: 2, short: true, initial: 'B' },
    ]);
  });

  it('compiles the check and the use into one condition', () => {
    const model = compile([narrowing], { root: process.cwd() }).models.find((m) => m.name === 'narrow_and')!;
    expect(model.query.duckdb).to.match(/amount IS NOT NULL\) AND \(amount > 5/);
  });

  it('refuses a comparison whose operand no check covers, at the operand', () => {
    expect(() => compile([unchecked], { root: process.cwd() })).to.throw(/narrowing\.ts:33:61: comparison with a possibly-null value/);
  });
});
