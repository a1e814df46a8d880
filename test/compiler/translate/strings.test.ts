import { expect } from 'chai';
import fixture from '../../fixtures/translate/strings.js';
import { people } from '../../fixtures/translate/schema.js';
import { markers, rowOf, show, translator, typeStr } from './harness.js';

const at = markers(fixture, new URL('../../fixtures/translate/strings.ts', import.meta.url).href);
const row = (m: string) => Object.fromEntries(translator.row(at(m), [rowOf(people)]).map((c) => [c.name, { sql: show(c.expr), type: typeStr(c.expr.type) }]));
const sql = (m: string) => Object.fromEntries(Object.entries(row(m)).map(([k, v]) => [k, v.sql]));

const JS_SPACE = '\\t\\n\\x{b}\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}';

describe('translator: strings, regexes, conversions, math, time', () => {
  it('translates case and trim methods, propagating nullability through ?.', () => {
    expect(row('case')).to.deep.equal({
      a: { sql: 'lower($name)', type: 'STRING' },
      b: { sql: 'upper($name)', type: 'STRING' },
      c: { sql: 'coalesce(lower(trim($email)), null)', type: 'STRING?' },
      d: { sql: 'trim_start($name)', type: 'STRING' },
      e: { sql: 'trim_end($name)', type: 'STRING' },
    });
  });

  it('translates search methods and .length as UTF-16 length', () => {
    expect(row('search')).to.deep.equal({
      a: { sql: "contains($name, 'x')", type: 'BOOL' },
      b: { sql: "starts_with($name, 'a')", type: 'BOOL' },
      c: { sql: "ends_with($email, '.nl')", type: 'BOOL?' },
      d: { sql: "sub(strpos($name, '@'), 1)", type: 'INT64' },
      e: { sql: 'utf16_length($name)', type: 'INT64' },
    });
  });

  it('reproduces slice index rules: literals fold, negatives count from the end, INT64 gets a CASE', () => {
    expect(sql('slice')).to.deep.equal({
      a: 'substr($name, 2, 2)',
      b: 'substr($name, add(greatest(add(char_length($name), -2), 0), 1))',
      c: 'substr($name, 3)',
      d: 'substr($name, 4, 0)',
      e: 'substr($name, 2, greatest(sub(greatest(add(char_length($name), -1), 0), 1), 0))',
      f: 'substr($name, 1, greatest(sub(case(lt($age, 0) ? greatest(add(char_length($name), $age), 0) : $age), 0), 0))',
    });
  });

  it('reproduces substring rules: negatives are 0, swapped bounds swap', () => {
    expect(sql('substring')).to.deep.equal({
      a: 'substr($name, 2, 3)',
      b: 'substr($name, 2, 3)',
      c: 'substr($name, 1)',
      d: 'substr($name, add(least(greatest($age, 0), 2), 1), greatest(sub(greatest(greatest($age, 0), 2), least(greatest($age, 0), 2)), 0))',
    });
  });

  it('replaces the first occurrence for string patterns, keeps JS replacement syntax', () => {
    expect(sql('replace')).to.deep.equal({
      a: "regexp_replace($name, '-', '', false)",
      b: "regexp_replace($name, '-', '_', true)",
      c: "replace_all($name, '.', '')",
      d: "regexp_replace($name, 'a', '$&$&', true)",
      e: "regexp_replace($name, '(?i)(\\w+)@(\\w+)', '$2 at $1', false)",
    });
  });

  it('pads only when shorter (JS never truncates)', () => {
    expect(sql('pad')).to.deep.equal({
      a: "case(lt(char_length($name), 5) ? lpad($name, 5, '0') : $name)",
      b: "case(lt(char_length($name), 3) ? rpad($name, 3, ' ') : $name)",
    });
  });

  it('rewrites regexes to RE2 with JS meanings of \\s and .', () => {
    expect(sql('regex')).to.deep.equal({
      a: `regexp_contains($name, '^\\d{4}[${JS_SPACE}][^\\n\\r\\x{2028}\\x{2029}]$')`,
      b: `regexp_replace($name, '[${JS_SPACE},]+', ' ', true)`,
    });
  });

  it('converts with JS semantics', () => {
    expect(row('convert')).to.deep.equal({
      a: { sql: 'to_string($age)', type: 'STRING' },
      b: { sql: "coalesce($email, 'null')", type: 'STRING' },
      c: { sql: 'to_int($active)', type: 'INT64' },
      d: { sql: 'to_float($name)', type: 'FLOAT64' },
      e: { sql: "and(is_not_null($email), neq($email, ''))", type: 'BOOL' },
      f: { sql: 'to_bool($score)', type: 'BOOL' },
      g: { sql: 'to_string($age)', type: 'STRING' },
      h: { sql: 'to_string($day)', type: 'STRING' },
    });
  });

  it('maps Math functions, keeping INT64 where JS results are integral', () => {
    expect(row('math')).to.deep.equal({
      a: { sql: 'abs($age)', type: 'INT64' },
      b: { sql: 'round_half_up($score)', type: 'FLOAT64' },
      c: { sql: '$age', type: 'INT64' },
      d: { sql: 'floor($score)', type: 'FLOAT64' },
      e: { sql: 'ceil($score)', type: 'FLOAT64' },
      f: { sql: 'least($age, 3)', type: 'INT64' },
      g: { sql: 'greatest($age, $score, 0)', type: 'FLOAT64' },
      h: { sql: 'pow($age, 2)', type: 'FLOAT64' },
      i: { sql: 'sqrt($score)', type: 'FLOAT64' },
      j: { sql: 'sign($score)', type: 'FLOAT64' },
      k: { sql: 'trunc($score)', type: 'FLOAT64' },
      l: { sql: String(Math.PI), type: 'FLOAT64' },
    });
  });

  it('maps the SDK time helpers to their ops', () => {
    expect(row('time1')).to.deep.equal({
      a: { sql: 'trunc_day($ts)', type: 'TIMESTAMP' },
      b: { sql: 'trunc_week($ts)', type: 'TIMESTAMP' },
      c: { sql: 'trunc_month($ts)', type: 'TIMESTAMP' },
      d: { sql: 'diff_seconds($ts, $ts)', type: 'INT64' },
      e: { sql: 'diff_days($ts, $ts)', type: 'INT64' },
      f: { sql: 'add_seconds($ts, 3600)', type: 'TIMESTAMP' },
    });
    expect(row('time2')).to.deep.equal({
      a: { sql: 'year($ts)', type: 'INT64' },
      b: { sql: 'month($ts)', type: 'INT64' },
      c: { sql: 'day_of_month($ts)', type: 'INT64' },
      d: { sql: 'iso_day_of_week($ts)', type: 'INT64' },
      e: { sql: 'hour($ts2)', type: 'INT64' },
      f: { sql: 'to_date($ts)', type: 'DATE' },
      g: { sql: 'unix_seconds($ts)', type: 'INT64' },
      h: { sql: 'year($ts2)', type: 'INT64?' },
    });
  });

  it('handles split, array index, array length / includes and struct fields', () => {
    expect(row('arrays')).to.deep.equal({
      parts: { sql: "split($name, ',')", type: 'ARRAY<STRING>' },
      first: { sql: "array_at(split($name, '@'), 0)", type: 'STRING?' },
      n: { sql: 'array_length($tags)', type: 'INT64' },
      has: { sql: "array_contains($tags, 'x')", type: 'BOOL' },
      city: { sql: '$addr.city', type: 'STRING' },
      zip: { sql: '$addr.zip', type: 'STRING?' },
      e: { sql: "contains($email, '@')", type: 'BOOL?' },
    });
  });

  it('translates literal-list includes to IN, false for NULL', () => {
    expect(row('in')).to.deep.equal({
      a: { sql: "in($name, 'a', 'b')", type: 'BOOL' },
      b: { sql: "in($email, 'a', 'b')", type: 'BOOL' },
      c: { sql: 'in(coalesce($n, 0), 1, 2)', type: 'BOOL' },
      d: { sql: "array_contains($tags, coalesce($email, ''))", type: 'BOOL' },
    });
  });

  it('treats DATE values as their ISO text in string contexts', () => {
    expect(sql('date-text')).to.deep.equal({
      a: 'substr(to_string($day), 1, 4)',
      b: 'to_string($day)',
    });
  });
});
