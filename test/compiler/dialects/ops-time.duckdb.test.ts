import * as time from '../../../src/sdk/time.js';
import { ty } from '../../../src/compiler/ir/expr.js';
import { checkOp, F, I, S, strict, TS, type OpCase } from './op-harness.js';
import { ScratchDb } from './helpers.js';

const D = (iso: string): Date => new Date(iso);
const stamps = [
  [D('2024-03-03T23:59:59.999Z')], // a Sunday
  [D('2024-03-04T00:00:00.000Z')], // a Monday
  [D('1969-12-31T23:59:59.500Z')], // before the epoch, with a fraction
  [D('2000-02-29T12:34:56.789Z')],
  [null],
];
const pairs = [
  [D('2024-01-01T00:00:01.500Z'), D('2024-01-01T00:00:00.900Z')],
  [D('2024-01-01T00:00:00.900Z'), D('2024-01-01T00:00:01.500Z')],
  [D('2024-03-10T00:00:00Z'), D('2024-03-01T12:00:00Z')],
  [D('1969-12-31T00:00:00Z'), D('1970-01-02T00:00:00.001Z')],
  [null, D('2024-01-01T00:00:00Z')],
];

const cases: OpCase[] = [
  { op: 'trunc_day', args: [TS], result: TS, rows: stamps, js: strict(time.truncDay) },
  { op: 'trunc_week', args: [TS], result: TS, rows: stamps, js: strict(time.truncWeek) },
  { op: 'trunc_month', args: [TS], result: TS, rows: stamps, js: strict(time.truncMonth) },
  { op: 'diff_seconds', args: [TS, TS], result: I, rows: pairs, js: strict(time.diffSeconds) },
  { op: 'diff_days', args: [TS, TS], result: I, rows: pairs, js: strict(time.diffDays) },
  { op: 'add_seconds', args: [TS, I], result: TS, rows: [[D('2024-01-01T00:00:00Z'), 90], [D('2024-01-01T00:00:00Z'), -1]], js: strict(time.addSeconds) },
  { op: 'add_seconds', args: [TS, F], result: TS, rows: [[D('2024-01-01T00:00:00Z'), 1.5], [D('2024-01-01T00:00:00Z'), -0.0015]], js: strict(time.addSeconds), label: 'add_seconds FLOAT64' },
  { op: 'year', args: [TS], result: I, rows: stamps, js: strict(time.year) },
  { op: 'month', args: [TS], result: I, rows: stamps, js: strict(time.month) },
  { op: 'day_of_month', args: [TS], result: I, rows: stamps, js: strict(time.dayOfMonth) },
  { op: 'iso_day_of_week', args: [TS], result: I, rows: stamps, js: strict(time.isoDayOfWeek) },
  { op: 'hour', args: [TS], result: I, rows: stamps, js: strict(time.hour) },
  { op: 'unix_seconds', args: [TS], result: I, rows: stamps, js: strict(time.unixSeconds) },
  { op: 'unix_millis', args: [TS], result: I, rows: stamps, js: strict((d: Date) => d.getTime()) },
  { op: 'to_date', args: [TS], result: ty.date(true), rows: stamps, js: strict((d: Date) => new Date(`${time.toDate(d)}T00:00:00Z`)) },
  { op: 'to_string', args: [TS], result: S, rows: stamps, js: strict((d: Date) => d.toISOString()), label: 'to_string TIMESTAMP (toISOString)' },
];

describe('DuckDB timestamp operations match the SDK time helpers (UTC)', () => {
  let db: ScratchDb;
  before(async () => {
    db = await ScratchDb.open();
  });
  for (const c of cases) {
    it(c.label ?? c.op, () => checkOp(db, c));
  }
});
