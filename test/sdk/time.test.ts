import { expect } from 'chai';
import { time } from '../../src/sdk/index.js';

describe('time helpers', () => {
  it('truncates to the month in the first century too', () => {
    expect(time.truncMonth(new Date('0001-01-15T10:00:00Z')).toISOString()).to.equal('0001-01-01T00:00:00.000Z');
    expect(time.truncMonth(new Date('2024-02-29T23:59:59.999Z')).toISOString()).to.equal('2024-02-01T00:00:00.000Z');
  });

  it('truncates to the ISO week (Monday) and the day', () => {
    // 2024-03-03 is a Sunday: its ISO week starts Monday 2024-02-26.
    expect(time.truncWeek(new Date('2024-03-03T12:00:00Z')).toISOString()).to.equal('2024-02-26T00:00:00.000Z');
    expect(time.truncDay(new Date('1969-12-31T23:59:59.999Z')).toISOString()).to.equal('1969-12-31T00:00:00.000Z');
  });

  it('rounds unix seconds down and differences toward zero', () => {
    expect(time.unixSeconds(new Date('1969-12-31T23:59:59.999Z'))).to.equal(-1);
    expect(time.diffSeconds(new Date(0), new Date(1500))).to.equal(-1);
    expect(time.diffDays(new Date('2024-03-02T00:00:00Z'), new Date('2024-02-28T12:00:00Z'))).to.equal(2);
  });
});
