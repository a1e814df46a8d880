import { createHash } from 'node:crypto';
import { expect } from 'chai';
import fc from 'fast-check';
import { ty } from '../../../src/compiler/ir/expr.js';
import { ARR_S, checkOp, B, F, I, S, strict, type OpCase } from './op-harness.js';
import { col, duck, flatNames, lit, op, origin, scan, ScratchDb } from './helpers.js';

const WS = ' \t\n\v\f\r\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
const trimRows = [[`${WS}x y${WS}`], ['\u00a0a\u3000'], ['   '], [''], ['\u200bzero-width stays\u200b'], [null]];
const chars = (s: string): string[] => [...s];

const regexCase = (pattern: string, replacement: string, global: boolean, rows: string[][]): OpCase => ({
  op: 'regexp_replace',
  args: [S],
  result: S,
  rows,
  extra: [lit(pattern, S), lit(replacement, S), lit(global, ty.bool())],
  js: strict((s: string) => s.replace(new RegExp(pattern, global ? 'g' : ''), replacement)),
  label: `regexp_replace /${pattern}/${global ? 'g' : ''} → ${JSON.stringify(replacement)}`,
});

const cases: OpCase[] = [
  { op: 'concat', args: [S, S, S], result: S, rows: [['a', 'b', 'c'], ['a', null, 'c'], ["it's", '\\', '😀']], js: strict((...s: string[]) => s.join('')) },
  { op: 'lower', args: [S], result: S, rows: [['ÀBC Déf'], [null]], js: strict((s: string) => s.toLowerCase()) },
  { op: 'upper', args: [S], result: S, rows: [['àbc déf']], js: strict((s: string) => s.toUpperCase()) },
  { op: 'trim', args: [S], result: S, rows: trimRows, js: strict((s: string) => s.trim()) },
  { op: 'trim_start', args: [S], result: S, rows: trimRows, js: strict((s: string) => s.trimStart()) },
  { op: 'trim_end', args: [S], result: S, rows: trimRows, js: strict((s: string) => s.trimEnd()) },
  { op: 'contains', args: [S, S], result: B, rows: [['hello', 'ell'], ['hello', ''], ['héllo😀', '😀'], ['a', 'b']], js: strict((a: string, b: string) => a.includes(b)) },
  { op: 'starts_with', args: [S, S], result: B, rows: [['hello', 'he'], ['hello', 'lo'], ['x', '']], js: strict((a: string, b: string) => a.startsWith(b)) },
  { op: 'ends_with', args: [S, S], result: B, rows: [['hello', 'lo'], ['hello', 'he']], js: strict((a: string, b: string) => a.endsWith(b)) },
  {
    op: 'substr',
    args: [S, I, I],
    result: S,
    rows: [['hello😀world', 2, 3], ['abc', 1, 10], ['h😀llo', 2, 2], ['abc', 4, 1]],
    js: strict((s: string, start: number, len: number) => chars(s).slice(start - 1, start - 1 + len).join('')),
  },
  { op: 'substr', args: [S, I], result: S, rows: [['h😀llo', 2]], js: strict((s: string, start: number) => chars(s).slice(start - 1).join('')), label: 'substr without length' },
  { op: 'replace_all', args: [S, S, S], result: S, rows: [['a.b.c', '.', '-'], ['aaa', 'a', '$&']], js: strict((s: string, a: string, b: string) => s.replaceAll(a, () => b)) },
  regexCase('(\\d+)', '<$1>', true, [['a1b22c333'], ['none']]),
  regexCase('(\\d+)', '<$1>', false, [['a1b22c333'], ['none']]),
  regexCase('(a)(b)?', '[$2|$1|$$|$&|\\]', true, [['abab a']]),
  regexCase('x', '$1$', true, [['xx']]),
  regexCase('^\\s*', '', false, [['\n  x']]),
  { op: 'regexp_contains', args: [S], result: B, rows: [['ab12'], ['ab']], extra: [lit('[0-9]{2}$', S)], js: strict((s: string) => /[0-9]{2}$/.test(s)) },
  { op: 'split', args: [S, S], result: ARR_S, rows: [['a,b,,c', ','], ['', ','], ['a😀b', '😀'], ['ab', 'ab']], js: strict((s: string, d: string) => s.split(d)) },
  { op: 'utf16_length', args: [S], result: I, rows: [['a😀b'], [''], ['héllo'], ['𝔘𝔫𝔦']], js: strict((s: string) => s.length) },
  { op: 'char_length', args: [S], result: I, rows: [['a😀b'], ['e\u0301']], js: strict((s: string) => chars(s).length) },
  {
    op: 'lpad',
    args: [S, I, S],
    result: S,
    rows: [['abc', 6, '12'], ['abc', 2, 'x'], ['abc', 5, ''], ['7', 3, '0'], [null, 3, '0']],
    js: strict((s: string, n: number, p: string) => s.padStart(n, p)),
  },
  { op: 'rpad', args: [S, I, S], result: S, rows: [['abc', 7, 'xy'], ['abcdef', 3, '.']], js: strict((s: string, n: number, p: string) => s.padEnd(n, p)) },
  { op: 'strpos', args: [S, S], result: I, rows: [['abcabc', 'ca'], ['abc', 'z'], ['abc', '']], js: strict((s: string, sub: string) => s.indexOf(sub) + 1) },
  {
    op: 'to_float',
    args: [S],
    result: F,
    rows: [['  12 '], [''], ['abc'], ['1e3'], ['-Infinity'], ['.5'], ['5.'], ['\u00a0-12.5e-1\n'], ['1_000'], ['+7'], ['0x1F'], [' 0XfF '], ['-0x1'], ['0x'], ['1e400']],
    js: strict(Number),
    label: 'to_float STRING (JS Number)',
  },
  { op: 'to_string', args: [I], result: S, rows: [[-42], [9007199254740991]], js: strict(String), label: 'to_string INT64' },
  { op: 'to_string', args: [B], result: S, rows: [[true], [false]], js: strict(String), label: 'to_string BOOL' },
  { op: 'to_bool', args: [S], result: B, rows: [[''], ['a'], [' ']], js: strict(Boolean), label: 'to_bool STRING' },
  {
    op: 'hash_hex',
    args: [S],
    result: S,
    rows: [['abc'], [''], ['ünï😀']],
    js: strict((s: string) => createHash('md5').update(s, 'utf8').digest('hex').slice(0, 16)),
  },
  { op: 'array_length', args: [ARR_S], result: I, rows: [[['a', 'b']], [[]]], js: (a: string[]) => a.length },
  { op: 'array_at', args: [ARR_S, I], result: S, rows: [[['a', 'b'], 1], [['a'], 1], [['a', 'b'], -1], [['a'], 0]], js: strict((a: string[], i: number) => a[i] ?? null) },
  { op: 'array_contains', args: [ARR_S, S], result: B, rows: [[['a', 'b'], 'b'], [['a'], 'z'], [[], 'z']], js: strict((a: string[], x: string) => a.includes(x)) },
];

const FLOATS = [
  0, -0, 1, -1, 0.1, 0.30000000000000004, 100, -100, 1.5, 123.456, 1e15, 1e16, 1e17, 123456789012345680, 2 ** 53, 2 ** 60,
  1e20, 1e21, 1.5e21, 1e300, 1.7976931348623157e308, 5e-324, 1e-6, 1.5e-6, 1e-5, 1e-7, 1.5e-7, 1.2345e-10, 0.0001234,
  Number.NaN, Infinity, -Infinity, -1e-7, 4.35, 0.000001, 999999999999999900000,
];

describe('DuckDB string, conversion and array operations match JavaScript', () => {
  let db: ScratchDb;
  before(async () => {
    db = await ScratchDb.open();
  });
  for (const c of cases) {
    it(c.label ?? `${c.op}(${c.args.map((a) => a.kind).join(', ')})`, () => checkOp(db, c));
  }

  it('to_string(FLOAT64) prints like String(n) for edge values', () =>
    checkOp(db, { op: 'to_string', args: [F], result: S, rows: [...FLOATS.map((x) => [x]), [null]], js: strict(String) }));

  it('to_string(FLOAT64) prints like String(n) for random doubles (17-digit ties aside)', async () => {
    const sample = fc.sample(fc.oneof(fc.double(), fc.integer().map((n) => n / 100), fc.double({ min: -1e25, max: 1e25 })), {
      numRuns: 300,
      seed: 42,
    });
    await db.table('floats', [{ name: 'x', type: F }], sample.map((x) => [x]));
    const sql = duck.query(
      {
        k: 'project',
        input: scan('floats', [{ name: 'x', type: F }]),
        columns: [
          { name: 'x', expr: col('x', F) },
          { name: 's', expr: op('to_string', [col('x', F)], S) },
        ],
        schema: [
          { name: 'x', type: F },
          { name: 's', type: S },
        ],
        origin: origin('ops/to_string', 3),
      },
      flatNames,
    );
    const rows = await db.rows(sql);
    expect(rows).to.have.length(sample.length);
    for (const row of rows) {
      const [x, s] = [row['x'] as number, row['s'] as string];
      if (s === String(x)) continue;
      // The documented limit: a different 17-digit spelling of the same double.
      const digits = (t: string): number => t.replace(/^-?0*\.?0*|e.*$|\./g, '').length;
      expect(Number(s), `${s} vs ${String(x)}`).to.equal(x);
      expect(digits(String(x)), `${s} vs ${String(x)}`).to.equal(17);
    }
  });

  it('refuses regexp replacements RE2 cannot express', () => {
    const bad = regexCase('(a)', "$'", true, [['a']]);
    return checkOp(db, bad).then(
      () => expect.fail('should have thrown'),
      (e: Error) => expect(e.message).to.match(/has no SQL equivalent/),
    );
  });
});
