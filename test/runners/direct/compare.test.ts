import { expect } from 'chai';
import { compareCodePoints, compareOrderings, compareValues } from '../../../src/runners/direct/index.js';
import { desc } from '../../../src/sdk/index.js';

const sorted = (values: unknown[]) => [...values].sort(compareValues);

describe('direct runner: sort order', () => {
  it('orders strings by code point: é after z, astral after U+FFFD (unlike JS <)', () => {
    expect(sorted(['é', 'z', 'a', 'Z'])).to.deep.equal(['Z', 'a', 'z', 'é']);
    const astral = '😀'; // U+1F600, UTF-16 D83D DE00
    const bmp = '\uFFFD';
    expect(astral < bmp).to.equal(true); // JS compares code units…
    expect(compareCodePoints(astral, bmp)).to.equal(1); // …Sluice compares code points
    expect(compareCodePoints(bmp, astral)).to.equal(-1);
    expect(compareCodePoints('\uD7FF', astral)).to.equal(-1);
    expect(compareCodePoints('ab', 'a')).to.equal(1);
    expect(compareCodePoints('', '')).to.equal(0);
  });

  it('orders numbers numerically with -0 = 0 and NaN after +Infinity, NULLs first', () => {
    const out = sorted([3, NaN, null, -Infinity, Infinity, -0, -2]);
    expect(out.slice(0, 6)).to.deep.equal([null, -Infinity, -2, -0, 3, Infinity]);
    expect(out[6]).to.be.NaN;
    // undefined is NULL (Array#sort would move it last without asking the comparator)
    expect(compareValues(undefined, null)).to.equal(0);
    expect(compareValues(undefined, -Infinity)).to.equal(-1);
    expect(compareValues(-0, 0)).to.equal(0);
    expect(compareValues(NaN, NaN)).to.equal(0);
  });

  it('orders Dates by time and false before true', () => {
    expect(sorted([new Date(5), new Date(-5), new Date(0)]).map((d) => (d as Date).getTime())).to.deep.equal([-5, 0, 5]);
    expect(sorted([true, false, null])).to.deep.equal([null, false, true]);
  });

  it('refuses to compare values of different kinds', () => {
    expect(() => compareValues('1', 1)).to.throw(TypeError, /cannot order a string against a number/);
  });

  it('compares key arrays left to right; desc() reverses a key and puts NULLs last', () => {
    const rows = [
      [1, desc(null)],
      [1, desc(3)],
      [0, desc(1)],
      [1, desc(5)],
    ];
    expect([...rows].sort(compareOrderings)).to.deep.equal([rows[2], rows[3], rows[1], rows[0]]);
    expect(compareOrderings(desc(null), desc(1))).to.equal(1);
    expect(compareOrderings(null, 1)).to.equal(-1);
  });
});
