import { expect } from 'chai';
import fixture from '../../fixtures/translate/shapes.js';
import { people } from '../../fixtures/translate/schema.js';
import type { RowParam } from '../../../src/compiler/translate/api.js';
import { markers, rowOf, show, translator, typeStr } from './harness.js';

const at = markers(fixture, new URL('../../fixtures/translate/shapes.ts', import.meta.url).href);
const P = [rowOf(people)];
const named = (cols: { name: string; expr: Parameters<typeof show>[0] }[]) => cols.map((c) => `${c.name}=${show(c.expr)}:${typeStr(c.expr.type)}`);

describe('translator: lambda shapes', () => {
  it('makes a non-object key one column named key', () => {
    expect(named(translator.key(at('key-scalar'), P))).to.deep.equal(['key=$email:STRING?']);
  });

  it('makes an object key named columns; aggregate values and orderings translate at their calls', () => {
    const line = at('key-object', 'groupBy');
    expect(named(translator.key(line, P))).to.deep.equal(['city=$addr.city:STRING', 'day=trunc_day($ts):TIMESTAMP']);
  });

  it('finds aggregate value and order lambdas by callee on a shared line', () => {
    const refs = (fixture.context.nodes.find((n) => n.kind === 'aggregate' && n.key?.callee === 'groupBy' && n.aggs.total) as { aggs: Record<string, { value?: unknown; order?: unknown }> }).aggs;
    const sum = refs.total!.value as Parameters<typeof translator.scalar>[0];
    expect(show(translator.scalar(sum, P))).to.equal('$score');
    const order = translator.ordering(refs.last!.order as Parameters<typeof translator.ordering>[0], P);
    expect(order.map((o) => `${show(o.expr)}${o.desc ? ' desc' : ''}`)).to.deep.equal(['$ts desc', '$id']);
  });

  it('translates dedupe key / order and window partition / order options', () => {
    expect(named(translator.key(at('dedupe', 'key'), P))).to.deep.equal(['key=$id:STRING']);
    expect(translator.ordering(at('dedupe', 'order'), P).map((o) => [show(o.expr), o.desc])).to.deep.equal([['$ts', true]]);
    expect(named(translator.key(at('window', 'partitionBy'), P))).to.deep.equal(['key=$id:STRING']);
    expect(translator.ordering(at('window', 'orderBy'), P).map((o) => [show(o.expr), o.desc])).to.deep.equal([['$ts', false]]);
  });

  it('flatMaps over an array column with elem and elem_offset', () => {
    const { array, columns } = translator.flatMap(at('flat-array'), P);
    expect(show(array)).to.equal('$tags');
    expect(named(columns)).to.deep.equal(['id=$id:STRING', 'tag=elem:STRING', 'pos=elem_offset:INT64']);
  });

  it('flatMaps over split()', () => {
    const { array, columns } = translator.flatMap(at('flat-split'), P);
    expect(show(array)).to.equal("split($name, ',')");
    expect(named(columns)).to.deep.equal(['part=trim(elem):STRING']);
  });

  it('flatMaps an array literal of objects into an array of structs with unified types', () => {
    const { array, columns } = translator.flatMap(at('flat-literal'), P);
    expect(show(array)).to.equal("[{kind: 'age', v: $age}, {kind: 'score', v: $score}, {kind: 'none', v: null}]");
    expect(typeStr(array.type)).to.equal('ARRAY<STRUCT<kind STRING, v FLOAT64?>>');
    expect(named(columns)).to.deep.equal(['kind=elem.kind:STRING', 'v=elem.v:FLOAT64?']);
  });

  it('translates expectation lambdas', () => {
    const out: RowParam[] = [{ fields: [{ name: 'id', type: { kind: 'STRING', nullable: false } }, { name: 'email', type: { kind: 'STRING', nullable: true } }] }];
    const [uniqueRef, conditionRef] = fixture.models[0]!.expectations.map((e) => ('value' in e.spec ? e.spec.value : undefined));
    expect(show(translator.scalar(uniqueRef!, out))).to.equal('$id');
    expect(show(translator.scalar(conditionRef!, out))).to.equal('or(is_not_null($email), gt(utf16_length($id), 0))');
  });
});

describe('translator: locating lambdas', () => {
  it('falls back to the call of that name on the line when the column is off', () => {
    const ref = at('dedupe', 'key');
    const shifted = { ...ref, site: { ...ref.site, column: 1 } };
    expect(named(translator.key(shifted, P))).to.deep.equal(['key=$id:STRING']);
  });

  it('fails at the recorded site when no such call exists there', () => {
    const ref = at('dedupe', 'key');
    const wrong = { ...ref, callee: 'nothere' };
    expect(() => translator.key(wrong, P)).to.throw(/shapes\.ts:\d+:\d+: cannot find the call 'nothere\(\.\.\.\)'/);
  });
});
