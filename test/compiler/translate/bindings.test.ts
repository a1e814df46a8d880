import { expect } from 'chai';
import fixture from '../../fixtures/translate/bindings.js';
import { orders, people } from '../../fixtures/translate/schema.js';
import { markers, rowOf, show, translator, typeStr } from './harness.js';

const at = markers(fixture, new URL('../../fixtures/translate/bindings.ts', import.meta.url).href);
const cols = (m: string) => translator.row(at(m), [rowOf(people)]);
const sql = (m: string) => Object.fromEntries(cols(m).map((c) => [c.name, show(c.expr)]));

describe('translator: bindings, helpers and objects', () => {
  it('resolves consts of any module (imported, computed, enclosing-function const) statically', () => {
    expect(sql('consts')).to.deep.equal({
      a: 'ge($age, 18)',
      b: "concat('hello:', $name)",
      c: 'mul($age, 86400)',
      d: 'gt($age, 5)',
      e: '100',
    });
  });

  it('resolves const arrays to IN lists and enum members to literals', () => {
    expect(sql('lists')).to.deep.equal({
      a: "in($name, 'crm', 'shop')",
      b: "in($id, 'a', 'b', 'c')",
      c: "not_distinct($note, 'active')",
    });
  });

  it('inlines helper functions, with defaults and if/return bodies', () => {
    expect(sql('helpers')).to.deep.equal({
      a: 'coalesce(lower(trim($email)), null)',
      b: 'concat(substr($name, 1, 1), substr($id, 1, 1))',
      c: "concat(substr($name, 1, 1), substr('X', 1, 1))",
      d: "case(ge($score, 100) ? 'gold' : case(ge($score, 10) ? 'silver' : 'basic'))",
    });
  });

  it('passes whole rows to helpers with destructured parameters', () => {
    expect(sql('helper-row')).to.deep.equal({ who: "concat($name, ' <', coalesce($email, 'none'), '>')" });
  });

  it('merges object results of if/return field by field', () => {
    expect(sql('helper-object')).to.deep.equal({
      label: "case(not($active) ? 'inactive' : case(ge($age, 18) ? 'adult' : 'minor'))",
      adult: 'case(not($active) ? ge($age, 18) : ge($age, 18))',
    });
  });

  it('binds destructured parameters, renames and rest rows', () => {
    expect(sql('destructure')).to.deep.equal({ id: '$id', mail: '$email', n: '$age' });
  });

  it('translates block bodies with const declarations', () => {
    expect(sql('block')).to.deep.equal({ x: 'mul($age, 2)', city: '$addr.city', y: 'add(mul($age, 2), 1)' });
  });

  it('expands spreads in JS key order: overrides keep their position, new keys go last', () => {
    const names = cols('spread').map((c) => c.name);
    expect(names).to.deep.equal([...people.spec.schema.map((f) => f.name), 'extra']);
    expect(sql('spread').name).to.equal('upper($name)');
    expect(sql('spread').ts).to.equal('$ts');
  });

  it('builds nested STRUCTs from nested object literals', () => {
    const [v] = cols('struct');
    expect(show(v!.expr)).to.equal('{a: $age, b: {c: $name}}');
    expect(typeStr(v!.expr.type)).to.equal('STRUCT<a INT64, b STRUCT<c STRING>>');
  });

  it('reads join sides with their relation', () => {
    expect(show(translator.scalar(at('join', 'on'), [rowOf(people, 'left'), rowOf(orders, 'right')]))).to.equal('eq($left.id, $right.person_id)');
    const params = [rowOf(people, 'left'), { fields: orders.spec.schema.map((f) => ({ ...f, type: { ...f.type, nullable: true } })), rel: 'right' }];
    const select = translator.row(at('join', 'select'), params);
    expect(select.map((c) => `${c.name}=${show(c.expr)}:${typeStr(c.expr.type)}`)).to.deep.equal(['id=$left.id:STRING', 'total=coalesce($right.total, 0):FLOAT64']);
  });
});
