import { expect } from 'chai';
import { createPlanner } from '../../../../src/compiler/plan/index.js';
import { SluiceError } from '../../../../src/sdk/errors.js';
import type { Rel } from '../../../../src/compiler/ir/rel.js';
import type { SqlField } from '../../../../src/sdk/schema.js';
import { FakeTranslator } from '../helpers/fakeTranslator.js';
import { env, model, node, readSource } from '../helpers/graph.js';
import { c, f, I, S } from '../helpers/rel.js';

const planner = createPlanner();
const F = { kind: 'FLOAT64', nullable: false } as const;

function planUnion(...schemas: SqlField[][]): Extract<Rel, { k: 'union' }> {
  const u = node({ kind: 'union', inputs: schemas.map((s, i) => readSource(`s${i}`, s)) });
  return planner.plan(model(u), env(new FakeTranslator())) as Extract<Rel, { k: 'union' }>;
}

describe('planner lowering: union', () => {
  it('keeps inputs that already match as they are', () => {
    const rel = planUnion([f('a'), f('b', I)], [f('a'), f('b', I)]);
    expect(rel.inputs.map((i) => i.k)).to.deep.equal(['scan', 'scan']);
    expect(rel.schema).to.deep.equal([f('a'), f('b', I)]);
  });

  it('re-selects other inputs in the first input\'s column order', () => {
    const rel = planUnion([f('a'), f('b', I)], [f('b', I), f('a')]);
    const second = rel.inputs[1] as Extract<Rel, { k: 'project' }>;
    expect(second.k).to.equal('project');
    expect(second.columns).to.deep.equal([{ name: 'a', expr: c('a') }, { name: 'b', expr: c('b', I) }]);
    expect(second.schema.map((x) => x.name)).to.deep.equal(['a', 'b']);
  });

  it('makes a column nullable when any input has it nullable, and widens INT64 with FLOAT64', () => {
    const rel = planUnion([f('a'), f('n', I)], [f('a', { ...S, nullable: true }), f('n', F)]);
    expect(rel.schema).to.deep.equal([f('a', { ...S, nullable: true }), f('n', F)]);
    const first = rel.inputs[0] as Extract<Rel, { k: 'project' }>;
    expect(first.columns[1]!.expr).to.deep.include({ k: 'op', op: 'to_float' });
  });

  it('names missing, extra and mistyped columns at the union call site', () => {
    expect(() => planUnion([f('a'), f('b')], [f('a'), f('c')]))
      .to.throw(SluiceError)
      .with.property('message')
      .that.matches(/^pipeline\.ts:\d+:3: union input 2 does not match input 1: it lacks 'b' and has extra 'c'/);
    expect(() => planUnion([f('a'), f('b')], [f('a'), f('b', I)])).to.throw(SluiceError, /union column 'b' has incompatible types: STRING in input 1, INT64 in input 2/);
  });
});
