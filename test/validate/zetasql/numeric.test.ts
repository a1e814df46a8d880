import { expect } from 'chai';
import fc from 'fast-check';
import {
  bigintToBytes,
  bytesToBigint,
  decimalToScaled,
  inNumericRange,
  NUMERIC_SCALE,
  scaledToNumber,
} from '../../../src/validate/zetasql/numeric.js';

describe('zetasql NUMERIC encoding', () => {
  it('scales decimals by 10^9 exactly, from their shortest representation', () => {
    expect(decimalToScaled(0.1, NUMERIC_SCALE)).to.equal(100_000_000n);
    expect(decimalToScaled(-12.5, NUMERIC_SCALE)).to.equal(-12_500_000_000n);
    expect(decimalToScaled(1e25, NUMERIC_SCALE)).to.equal(10n ** 34n);
    expect(decimalToScaled(1.5e-7, NUMERIC_SCALE)).to.equal(150n);
    expect(decimalToScaled('99999999999999999999999999999.999999999', NUMERIC_SCALE)).to.equal(10n ** 38n - 1n);
  });

  it('rounds beyond 9 decimals half away from zero, like BigQuery', () => {
    expect(decimalToScaled('0.0000000005', NUMERIC_SCALE)).to.equal(1n);
    expect(decimalToScaled('-0.0000000005', NUMERIC_SCALE)).to.equal(-1n);
    expect(decimalToScaled('0.0000000004999', NUMERIC_SCALE)).to.equal(0n);
  });

  it('refuses non-finite and non-decimal input', () => {
    expect(decimalToScaled(NaN, NUMERIC_SCALE)).to.equal(undefined);
    expect(decimalToScaled(Infinity, NUMERIC_SCALE)).to.equal(undefined);
    expect(decimalToScaled('1,5', NUMERIC_SCALE)).to.equal(undefined);
    expect(inNumericRange(10n ** 38n)).to.equal(false);
    expect(inNumericRange(-(10n ** 38n) + 1n)).to.equal(true);
  });

  it('encodes minimal little-endian two’s complement', () => {
    expect([...bigintToBytes(0n)]).to.deep.equal([0]);
    expect([...bigintToBytes(127n)]).to.deep.equal([0x7f]);
    expect([...bigintToBytes(128n)]).to.deep.equal([0x80, 0]);
    expect([...bigintToBytes(-1n)]).to.deep.equal([0xff]);
    expect([...bigintToBytes(-129n)]).to.deep.equal([0x7f, 0xff]);
  });

  it('round-trips any integer through bytes', () => {
    fc.assert(fc.property(fc.bigInt({ min: -(2n ** 130n), max: 2n ** 130n }), (n) => bytesToBigint(bigintToBytes(n)) === n));
  });

  it('round-trips JS numbers written with at most 15 significant digits', () => {
    // Such numbers print back as the decimal they were written as, so scaling must be exact.
    const decimals = fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 999_999 }));
    fc.assert(
      fc.property(decimals, ([negative, whole, micros]) => {
        const value = Number(`${negative ? '-' : ''}${whole}.${String(micros).padStart(6, '0')}`);
        return Object.is(scaledToNumber(decimalToScaled(value, NUMERIC_SCALE)!, NUMERIC_SCALE), value === 0 ? 0 : value);
      }),
    );
  });
});
