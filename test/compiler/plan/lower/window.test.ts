import { expect } from 'chai';
import { createPlanner } from '../../../../src/compiler/plan/index.js';
import { SluiceError } from '../../../../src/sdk/errors.js';
import type { Rel } from '../../../../src/compiler/ir/rel.js';
import { FakeTranslator } from '../helpers/fakeTranslator.js';
import { env, model, node, readSource } from '../helpers/graph.js';
import { c, eq, f, I, l, S } from '../helpers/rel.js';

const planner = createPlanner();
const TS = { kind: 'TIMESTAMP', nullable: false } as const;
const events = [f('user'), f('ts', TS), f('amount', I)];
const site = { file: 'pipeline.ts', line: 3, column: 4 };

type Window = Extract<Rel, { k: 'window' }>;
type Project = Extract<Rel, { k: 'project' }>;

describe('planner lowering: dedupe and window', () => {
  it('lowers dedupe to row_number per key, qualified to 1, with the input schema', () => {
    const tr = new FakeTranslator();
    const key = tr.lambda('dedupe', [{ name: 'key', expr: c('user') }], 'key');
    const order = tr.lambda('dedupe', [{ expr: c('ts', TS), desc: true }], 'order');
    const d = node({ kind: 'dedupe', inputs: [readSource('events', [...events, f('__rn', I)])], key, order });
    const rel = planner.plan(model(d), env(tr)) as Window;
    expect(rel.k).to.equal('window');
    expect(rel.partition).to.deep.equal([c('user')]);
    expect(rel.order).to.deep.equal([{ expr: c('ts', TS), desc: true }]);
    // `__rn` is taken by the input, so the helper gets a fresh name.
    expect(rel.columns).to.deep.equal([{ name: '__rn_2', fn: 'row_number', site: d.site }]);
    expect(rel.qualify).to.deep.equal(eq(c('__rn_2', I), l(1, I)));
    expect(rel.schema.map((x) => x.name)).to.deep.equal(['user', 'ts', 'amount', '__rn']);
  });

  it('lowers window columns with their types after the input columns', () => {
    const tr = new FakeTranslator();
    const w = node({
      kind: 'window',
      inputs: [readSource('events', events)],
      partition: tr.lambda('window', [{ name: 'key', expr: c('user') }], 'partitionBy'),
      order: tr.lambda('window', [{ expr: c('ts', TS), desc: false }], 'orderBy'),
      columns: {
        rn: { kind: 'rowNumber', site },
        prev: { kind: 'lag', value: tr.lambda('lag', c('amount', I)), offset: 2, site },
        total: { kind: 'runningSum', value: tr.lambda('runningSum', c('amount', I)), site },
      },
    });
    const rel = planner.plan(model(w), env(tr)) as Window;
    expect(rel.columns).to.deep.equal([
      { name: 'rn', fn: 'row_number', site },
      { name: 'prev', fn: 'lag', arg: c('amount', I), offset: 2, site },
      { name: 'total', fn: 'running_sum', arg: c('amount', I), site },
    ]);
    expect(rel.schema).to.deep.equal([...events, f('rn', I), f('prev', { ...I, nullable: true }), f('total', I)]);
  });

  it('refuses a window column named like an input column', () => {
    const tr = new FakeTranslator();
    const w = node({
      kind: 'window',
      inputs: [readSource('events', events)],
      order: tr.lambda('window', [{ expr: c('ts', TS), desc: false }], 'orderBy'),
      columns: { amount: { kind: 'rowNumber', site } },
    });
    expect(() => planner.plan(model(w), env(tr))).to.throw(SluiceError, /pipeline\.ts:3:4: window column 'amount' has the same name as an input column/);
  });
});

describe('planner lowering: sessionize', () => {
  function plan(gapSeconds = 1800) {
    const tr = new FakeTranslator();
    const s = node({
      kind: 'sessionize',
      inputs: [readSource('events', events)],
      key: tr.lambda('sessionize', [{ name: 'key', expr: c('user') }], 'key'),
      time: tr.lambda('sessionize', c('ts', TS), 'time'),
      gapSeconds,
    });
    return planner.plan(model(s), env(tr)) as Project;
  }

  /** The chain from the top: [project, window, window, project, window, project, scan]. */
  function chain(rel: Rel): Rel[] {
    const out: Rel[] = [];
    for (let cur: Rel | undefined = rel; cur; cur = cur.k === 'scan' ? undefined : (cur as Project).input) out.push(cur);
    return out;
  }

  it('adds session_id, session_start, session_end and session_index after the input columns', () => {
    const rel = plan();
    expect(rel.schema).to.deep.equal([...events, f('session_id', S), f('session_start', TS), f('session_end', TS), f('session_index', I)]);
    expect(chain(rel).map((r) => r.k)).to.deep.equal(['project', 'window', 'window', 'project', 'window', 'project', 'scan']);
  });

  it('starts a session when the gap to the previous event of the key is strictly greater than gapSeconds', () => {
    const flags = chain(plan(90))[3] as Project;
    const flag = flags.columns.find((x) => x.name === '__session_is_new')!.expr;
    expect(flag.k).to.equal('case');
    const when = (flag as Extract<typeof flag, { k: 'case' }>).whens[0]!.when;
    expect(JSON.stringify(when)).to.include('"op":"gt"').and.include('"op":"add_seconds"').and.include('"value":90');
  });

  it('numbers sessions per key with a running sum ordered by time, flagged rows first among ties', () => {
    const numbering = chain(plan())[2] as Window;
    expect(numbering.partition).to.deep.equal([c('__session_key_0')]);
    expect(numbering.order.map((o) => [(o.expr as { name: string }).name, o.desc])).to.deep.equal([['__session_time', false], ['__session_is_new', true]]);
    expect(numbering.columns).to.have.length(1);
    expect(numbering.columns[0]).to.include({ name: '__session_no', fn: 'running_sum' });
  });

  it('takes session bounds over the key and session number, and builds the id from the key and start seconds', () => {
    const [top, bounds] = chain(plan()) as [Project, Window];
    expect(bounds.partition).to.deep.equal([c('__session_key_0'), c('__session_no', I)]);
    expect(bounds.columns.map((x) => x.fn)).to.deep.equal(['partition_min', 'partition_max', 'row_number']);
    const id = top.columns.find((x) => x.name === 'session_id')!.expr;
    expect(id).to.deep.include({ k: 'op', op: 'concat' });
    expect(JSON.stringify(id)).to.include('"op":"unix_seconds"');
    expect(top.columns.find((x) => x.name === 'session_index')!.expr).to.deep.include({ k: 'op', op: 'sub' });
  });

  it('refuses an input that already has a session column', () => {
    const tr = new FakeTranslator();
    const s = node({
      kind: 'sessionize',
      inputs: [readSource('events', [...events, f('session_id')])],
      key: tr.lambda('sessionize', [{ name: 'key', expr: c('user') }], 'key'),
      time: tr.lambda('sessionize', c('ts', TS), 'time'),
      gapSeconds: 60,
    });
    expect(() => planner.plan(model(s), env(tr))).to.throw(SluiceError, /sessionize\(\) adds 'session_id', which the input already has/);
  });
});
