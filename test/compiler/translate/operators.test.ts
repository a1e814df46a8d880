import { expect } from 'chai';
import fixture from '../../fixtures/translate/operators.js';
import { people } from '../../fixtures/translate/schema.js';
import { markers, rowOf, show, translator, typeStr } from './harness.js';

const at = markers(fixture, new URL('../../fixtures/translate/operators.ts', import.meta.url).href);
const row = (m: string) => Object.fromEntries(translator.row(at(m), [rowOf(people)]).map((c) => [c.name, { sql: show(c.expr), type: typeStr(c.expr.type) }]));
const scalar = (m: string) => translator.scalar(at(m), [rowOf(people)]);

describe('translator: literals and operators', () => {
  it('types literals: INT64 for integers, FLOAT64 otherwise, folded negation', () => {
    expect(row('literals')).to.deep.equal({
      s: { sql: "'crm'", type: 'STRING' },
      i: { sql: '42', type: 'INT64' },
      f: { sql: '1.5', type: 'FLOAT64' },
      b: { sql: 'true', type: 'BOOL' },
      z: { sql: 'null', type: 'STRING?' },
      neg: { sql: '-3', type: 'INT64' },
    });
  });

  it('translates template literals with JS string forms (numbers via to_string, null as "null")', () => {
    expect(row('template').greeting).to.deep.equal({
      sql: "concat('hi ', $name, ', ', to_string($age), ' / ', coalesce($email, 'null'))",
      type: 'STRING',
    });
  });

  it('decides + between add and concat with the checker, widening numeric types', () => {
    expect(row('plus')).to.deep.equal({
      a: { sql: 'add($age, 1)', type: 'INT64' },
      b: { sql: 'add($age, $score)', type: 'FLOAT64' },
      c: { sql: "concat($name, '!')", type: 'STRING' },
      d: { sql: "concat('n=', to_string($age))", type: 'STRING' },
      e: { sql: 'add($amount, $age)', type: 'NUMERIC' },
    });
  });

  it('uses IEEE div (FLOAT64) and JS-sign mod (INT64 only for a non-zero literal divisor)', () => {
    expect(row('arith')).to.deep.equal({
      a: { sql: 'sub($age, 1)', type: 'INT64' },
      b: { sql: 'mul($age, 2)', type: 'INT64' },
      c: { sql: 'div($age, 2)', type: 'FLOAT64' },
      d: { sql: 'mod($age, 10)', type: 'INT64' },
      e: { sql: 'mod($age, $age)', type: 'FLOAT64' },
      f: { sql: 'pow($score, 2)', type: 'FLOAT64' },
      g: { sql: 'neg($age)', type: 'INT64' },
    });
  });

  it('folds literal arithmetic and concatenation', () => {
    expect(row('fold')).to.deep.equal({
      a: { sql: '3600', type: 'INT64' },
      b: { sql: "'ab'", type: 'STRING' },
      c: { sql: '4', type: 'INT64' },
    });
  });

  it('translates ordered comparisons and &&', () => {
    const e = scalar('ordered');
    expect(show(e)).to.equal('and(ge($age, 18), lt($score, 1.5))');
    expect(typeStr(e.type)).to.equal('BOOL');
  });

  it('compares a DATE with a string literal as a DATE literal', () => {
    expect(show(scalar('date-literal'))).to.equal("gt($day, '2024-01-01':DATE)");
  });

  it('uses eq on non-null operands and IS [NOT] DISTINCT FROM on nullable ones', () => {
    expect(row('equality')).to.deep.equal({
      a: { sql: "eq($name, 'x')", type: 'BOOL' },
      b: { sql: "not_distinct($email, 'x')", type: 'BOOL' },
      c: { sql: 'is_distinct($email, $note)', type: 'BOOL' },
      d: { sql: "neq($name, 'y')", type: 'BOOL' },
    });
  });

  it('turns null checks into is_null / is_not_null (false for a non-null column)', () => {
    expect(row('null-checks')).to.deep.equal({
      a: { sql: 'is_null($email)', type: 'BOOL' },
      b: { sql: 'is_not_null($email)', type: 'BOOL' },
      c: { sql: 'is_null($email)', type: 'BOOL' },
      d: { sql: 'is_not_null($email)', type: 'BOOL' },
      e: { sql: 'false', type: 'BOOL' },
    });
  });

  it('keeps JS && / || / ! semantics for nullable booleans', () => {
    expect(row('logic')).to.deep.equal({
      a: { sql: 'and($active, gt($age, 1))', type: 'BOOL' },
      b: { sql: 'case(is_null($flag) ? null : and($flag, $active))', type: 'BOOL?' },
      c: { sql: 'case(is_null($flag) ? $active : or($flag, $active))', type: 'BOOL' },
      d: { sql: 'or($active, $flag)', type: 'BOOL?' },
      e: { sql: 'not($active)', type: 'BOOL' },
      f: { sql: 'not(coalesce($flag, false))', type: 'BOOL' },
    });
  });

  it('translates ?? to coalesce, non-null when the default is', () => {
    expect(row('nullish')).to.deep.equal({
      a: { sql: "coalesce($email, 'none')", type: 'STRING' },
      b: { sql: 'coalesce($email, $note)', type: 'STRING?' },
      c: { sql: '$name', type: 'STRING' },
      d: { sql: 'coalesce($n, 1.5)', type: 'FLOAT64' },
    });
  });

  it('translates ?: to CASE with unified branch types', () => {
    expect(row('conditional')).to.deep.equal({
      a: { sql: "case($active ? 'yes' : 'no')", type: 'STRING' },
      b: { sql: 'case($flag ? $age : null)', type: 'INT64?' },
      c: { sql: 'case($active ? 1 : 2.5)', type: 'FLOAT64' },
    });
  });

  it('sees through parentheses and casts; x! is non-null; ?. propagates NULL', () => {
    expect(row('wrappers')).to.deep.equal({
      a: { sql: '$email', type: 'STRING' },
      b: { sql: 'mul(add($age, 1), 2)', type: 'INT64' },
      c: { sql: '$name', type: 'STRING' },
      d: { sql: 'trim($email)', type: 'STRING?' },
    });
  });

  it('translates getTime() and Date literals (UTC, parsed at compile time)', () => {
    expect(row('gettime').a).to.deep.equal({ sql: 'unix_millis($ts)', type: 'INT64' });
    expect(show(scalar('date-lit'))).to.equal("and(ge($ts, '2024-01-01T00:00:00.000Z':TIMESTAMP), lt($ts, '2024-02-01T00:00:00.000Z':TIMESTAMP))");
  });

  it('stamps every op with the call site of its source construct', () => {
    const e = scalar('ordered');
    expect(e.k).to.equal('op');
    if (e.k !== 'op') return;
    expect(e.site?.file).to.match(/fixtures\/translate\/operators\.ts$/);
    expect(e.site?.line).to.equal(12);
    expect(e.site?.column).to.equal(19);
  });
});
