/**
 * Real pipelines (test/fixtures/plan) lowered with the real translator, then optimized.
 */
import path from 'node:path';
import { expect } from 'chai';
import { createPlanner } from '../../../src/compiler/plan/index.js';
import { createTranslator } from '../../../src/compiler/translate/index.js';
import { relInputs, type Rel } from '../../../src/compiler/ir/rel.js';
import { SluiceError } from '../../../src/sdk/errors.js';
import type { PlanEnv } from '../../../src/compiler/plan/api.js';
import shop from '../../fixtures/plan/shop.js';
import { assertWellFormed } from './helpers/wellFormed.js';

const planner = createPlanner();

function scans(rel: Rel): Extract<Rel, { k: 'scan' }>[] {
  return rel.k === 'scan' ? [rel] : relInputs(rel).flatMap(scans);
}

describe('planner on fixture pipelines (real translator)', function () {
  this.timeout(60_000);
  let env: PlanEnv;
  const plan = (name: string) => {
    const spec = shop.models.find((m) => m.name === name)!;
    const rel = planner.plan(spec, env);
    const optimized = planner.optimize(rel);
    assertWellFormed(rel);
    assertWellFormed(optimized);
    expect(optimized.schema).to.deep.equal(rel.schema);
    return { rel, optimized };
  };

  before(() => {
    env = {
      translator: createTranslator({ tsconfig: path.resolve('tsconfig.json') }),
      modelSchema: (name, site) => {
        throw new SluiceError(`unknown model '${name}'`, site);
      },
    };
  });

  it('dedupe → filter → map → left join → filter → aggregate: filters sink, scans read only what is used', () => {
    const { optimized } = plan('plan_per_customer');
    expect(optimized.schema.map((f) => [f.name, f.type.kind, f.type.nullable])).to.deep.equal([
      ['key', 'STRING', false],
      ['orders', 'INT64', false],
      // The left join makes the order side nullable in the select.
      ['revenue', 'INT64', true],
      ['last_order', 'TIMESTAMP', true],
    ]);
    const agg = optimized as Extract<Rel, { k: 'aggregate' }>;
    expect(agg.input.k).to.equal('join');
    const [customers, orders] = scans(optimized);
    expect(customers!.schema.map((f) => f.name)).to.deep.equal(['customer_id', 'email', 'country', 'updated_at']);
    expect(orders!.schema.map((f) => f.name)).to.deep.equal(['customer_id', 'amount', 'status', 'created_at']);
    // The filters after the dedupe became its QUALIFY (they must see the latest row only).
    const dedupe = (agg.input as Extract<Rel, { k: 'join' }>).left as Extract<Rel, { k: 'window' }>;
    expect(dedupe.k).to.equal('window');
    expect(JSON.stringify(dedupe.qualify)).to.include('"op":"is_not_null"').and.include('"value":"NL"');
  });

  it('flatMap reads only the array and the columns it keeps', () => {
    const { optimized } = plan('plan_order_tags');
    expect(optimized.k).to.equal('unnest');
    expect(scans(optimized)[0]!.schema.map((f) => f.name)).to.deep.equal(['order_id', 'tags']);
  });

  it('sessionize keeps only the helpers the requested session columns need', () => {
    const { rel, optimized } = plan('plan_sessions');
    expect(optimized.schema.map((f) => f.name)).to.deep.equal(['order_id', 'session_id']);
    expect(scans(optimized)[0]!.schema.map((f) => f.name)).to.deep.equal(['order_id', 'customer_id', 'created_at']);
    const windows = (r: Rel): Extract<Rel, { k: 'window' }>[] => [...(r.k === 'window' ? [r] : []), ...relInputs(r).flatMap(windows)];
    // session_end and the row number are not needed for session_id.
    expect(windows(optimized).flatMap((w) => w.columns.map((c) => c.name)).sort()).to.deep.equal(['__session_no', '__session_prev_time', 'session_start']);
    expect(windows(rel).flatMap((w) => w.columns.map((c) => c.name))).to.include.members(['session_end', '__session_row']);
  });
});
