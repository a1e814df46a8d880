import { checkOp, F, I, B, strict, type OpCase } from './op-harness.js';
import { lit, ScratchDb } from './helpers.js';

const pairs = [
  [1, 0],
  [-1, 0],
  [0, 0],
  [Number.NaN, 0],
  [5, 2],
  [null, 0],
  [1, null],
  [Infinity, 0],
  [3, Number.NaN],
  [Number.NaN, 1],
  [1e308, 1e-308],
];

const cases: OpCase[] = [
  { op: 'add', args: [F, F], result: F, rows: [[0.1, 0.2], [null, 1], [1e308, 1e308]], js: strict((a: number, b: number) => a + b) },
  { op: 'add', args: [I, I], result: I, rows: [[1, 2], [-5, null]], js: strict((a: number, b: number) => a + b) },
  { op: 'sub', args: [F, F], result: F, rows: [[0.3, 0.1], [Infinity, Infinity]], js: strict((a: number, b: number) => a - b) },
  { op: 'mul', args: [F, I], result: F, rows: [[0.1, 3], [1e308, 10]], js: strict((a: number, b: number) => a * b) },
  { op: 'div', args: [F, F], result: F, rows: pairs, js: strict((a: number, b: number) => a / b) },
  { op: 'div', args: [I, I], result: F, rows: [[7, 2], [1, 0], [-3, 0], [0, 0]], js: strict((a: number, b: number) => a / b), label: 'div INT64' },
  {
    op: 'mod',
    args: [F, F],
    result: F,
    rows: [[5.5, 2], [-5.5, 2], [5, 0], [Infinity, 2], [5, Infinity], [-7, 3], [0.3, 0.1], [0.5, 0.1], [Number.NaN, 1], [null, 2]],
    js: strict((a: number, b: number) => a % b),
  },
  { op: 'mod', args: [I, I], result: I, rows: [[7, 3], [-7, 3], [7, -3], [null, 3]], js: strict((a: number, b: number) => a % b), label: 'mod INT64' },
  { op: 'neg', args: [F], result: F, rows: [[1.5], [null]], js: strict((a: number) => -a) },
  { op: 'abs', args: [F], result: F, rows: [[-1.5], [Number.NaN]], js: strict(Math.abs) },
  { op: 'floor', args: [F], result: F, rows: [[-1.5], [2.5], [Infinity]], js: strict(Math.floor) },
  { op: 'floor', args: [F], result: I, rows: [[-1.5], [2.5]], js: strict(Math.floor), label: 'floor to INT64' },
  { op: 'trunc', args: [F], result: F, rows: [[-2.5], [2.5], [Infinity], [Number.NaN], [null]], js: strict(Math.trunc) },
  { op: 'ceil', args: [F], result: F, rows: [[-1.5], [2.5]], js: strict(Math.ceil) },
  { op: 'sqrt', args: [F], result: F, rows: [[4], [-1], [Number.NaN], [2]], js: strict(Math.sqrt) },
  { op: 'pow', args: [F, F], result: F, rows: [[2, 10], [2, 10000], [-8, 1 / 3], [2, -1]], js: strict((a: number, b: number) => a ** b) },
  { op: 'sign', args: [F], result: F, rows: [[-2.5], [0], [3], [Number.NaN]], js: strict(Math.sign) },
  { op: 'sign', args: [I], result: I, rows: [[-2], [0], [3]], js: strict(Math.sign), label: 'sign INT64' },
  {
    op: 'round_half_up',
    args: [F],
    result: F,
    rows: [[0.5], [-0.5], [2.5], [-2.5], [0.49999999999999994], [4503599627370497], [-4503599627370497], [1.4999999999999998], [-1.5000000000000002], [Number.NaN], [Infinity], [null]],
    js: strict(Math.round),
  },
  { op: 'least', args: [F, F, F], result: F, rows: [[1, 2, 3], [1, null, 3], [Number.NaN, 1, 2], [2, 1, Number.NaN], [-Infinity, 0, 1]], js: strict(Math.min) },
  { op: 'greatest', args: [F, F], result: F, rows: [[1, 2], [null, 3], [Number.NaN, 1], [1, Number.NaN]], js: strict(Math.max) },
  { op: 'greatest', args: [I, I], result: I, rows: [[1, 2], [null, 3]], js: strict(Math.max), label: 'greatest INT64' },
];

const comparisonRows = [[1, 1], [1, 2], [2, 1], [Number.NaN, Number.NaN], [Number.NaN, 1], [1, Number.NaN], [null, 1], [-Infinity, Infinity]];
const comparisons: [OpCase['op'], (a: number, b: number) => boolean][] = [
  ['eq', (a, b) => a === b],
  ['neq', (a, b) => a !== b],
  ['lt', (a, b) => a < b],
  ['le', (a, b) => a <= b],
  ['gt', (a, b) => a > b],
  ['ge', (a, b) => a >= b],
];
for (const [name, f] of comparisons) {
  cases.push({ op: name, args: [F, F], result: B, rows: comparisonRows, js: strict(f) });
}
cases.push(
  {
    op: 'not_distinct',
    args: [F, F],
    result: B,
    rows: [...comparisonRows, [null, null], [null, Number.NaN]],
    js: (a: number | null, b: number | null) => a === b,
  },
  {
    op: 'is_distinct',
    args: [F, F],
    result: B,
    rows: [...comparisonRows, [null, null], [null, Number.NaN]],
    js: (a: number | null, b: number | null) => a !== b,
  },
  { op: 'eq', args: [F], result: B, rows: [[2], [Number.NaN]], extra: [lit(2, F)], js: strict((a: number) => a === 2), label: 'eq literal' },
  { op: 'in', args: [I], result: B, rows: [[1], [3], [null]], extra: [lit(1, I), lit(2, I)], js: strict((a: number) => [1, 2].includes(a)) },
  { op: 'is_null', args: [F], result: B, rows: [[null], [Number.NaN]], js: (a: number | null) => a === null },
  { op: 'is_not_null', args: [F], result: B, rows: [[null], [1]], js: (a: number | null) => a !== null },
  { op: 'and', args: [B, B], result: B, rows: [[true, true], [true, false], [false, null]], js: (a: boolean, b: boolean | null) => (a === false || b === false ? false : b === null ? null : a && b) },
  { op: 'or', args: [B, B], result: B, rows: [[false, false], [true, null], [false, true]], js: (a: boolean, b: boolean | null) => (a || b === true ? true : b === null ? null : false) },
  { op: 'not', args: [B], result: B, rows: [[true], [null]], js: strict((a: boolean) => !a) },
  { op: 'coalesce', args: [F, F], result: F, rows: [[null, 2], [1, 2], [null, null]], js: (a: number | null, b: number | null) => a ?? b },
  { op: 'to_float', args: [I], result: F, rows: [[3], [null]], js: strict(Number), label: 'to_float INT64' },
  { op: 'to_float', args: [B], result: F, rows: [[true], [false]], js: strict(Number), label: 'to_float BOOL' },
  { op: 'to_int', args: [F], result: I, rows: [[2.7], [-2.7], [null]], js: strict(Math.trunc) },
  { op: 'to_int', args: [B], result: I, rows: [[true], [false]], js: strict(Number), label: 'to_int BOOL' },
  { op: 'to_bool', args: [F], result: B, rows: [[0], [Number.NaN], [2], [-0.5]], js: strict(Boolean) },
  { op: 'to_bool', args: [I], result: B, rows: [[0], [7]], js: strict(Boolean), label: 'to_bool INT64' },
);

describe('DuckDB numeric and logic operations match JavaScript', () => {
  let db: ScratchDb;
  before(async () => {
    db = await ScratchDb.open();
  });
  for (const c of cases) {
    it(c.label ?? `${c.op}(${c.args.map((a) => a.kind).join(', ')})`, () => checkOp(db, c));
  }
});
