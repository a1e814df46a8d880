import { expect } from 'chai';
import { projectGraph } from '../../../src/compiler/graph/models.js';
import { pipeline, ref, source, t } from '../../../src/sdk/index.js';

const orders = source('orders', { id: t.string(), customer: t.string(), amount: t.float64() });

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

describe('project graph', () => {
  it('orders models after the models they read, across pipelines', () => {
    const base = pipeline('base', (p) => ({ orders: p.write(p.read(orders), { name: 'clean_orders' }) }));
    const report = pipeline('report', (p) => {
      const o = p.read(base.outputs.orders);
      p.write(
        o.groupBy((r) => r.customer).aggregate((g) => ({ n: g.count() })),
        { name: 'per_customer' },
      );
    });
    const graph = projectGraph([report, base]);
    expect(graph.models.map((m) => m.name)).to.deep.equal(['clean_orders', 'per_customer']);
    expect(graph.deps.get('per_customer')).to.deep.equal({ models: ['clean_orders'], sources: [], previous: [] });
    expect(graph.deps.get('clean_orders')).to.deep.equal({ models: [], sources: ['orders'], previous: [] });
  });

  it('reads a collection written as another model of the same pipeline from that model', () => {
    const p = pipeline('reuse', (p) => {
      const clean = p.read(orders).filter((r) => r.amount > 0);
      p.write(clean, { name: 'positive' });
      p.write(clean.map((r) => ({ id: r.id })), { name: 'ids' });
    });
    expect(projectGraph([p]).deps.get('ids')!.models).to.deep.equal(['positive']);
  });

  it('reports a cycle with the models on it and where they are written', () => {
    const a = pipeline('cyc_a', (p) => {
      p.write(p.read(ref<{ id: string }>('cyc_b_out')), { name: 'cyc_a_out' });
    });
    const b = pipeline('cyc_b', (p) => {
      p.write(p.read(ref<{ id: string }>('cyc_a_out')), { name: 'cyc_b_out' });
    });
    const message = errorOf(() => projectGraph([a, b]));
    expect(message).to.match(/^.*models\.test\.ts:\d+:\d+: models form a cycle: cyc_a_out → cyc_b_out → cyc_a_out/);
    expect(message).to.match(/cyc_a_out \(.*models\.test\.ts:43:9\), cyc_b_out \(.*models\.test\.ts:46:9\)/);
  });

  it('rejects a model name written twice, citing both places', () => {
    const a = pipeline('dup_a', (p) => ({ m: p.write(p.read(orders), { name: 'same' }) }));
    const b = pipeline('dup_b', (p) => ({ m: p.write(p.read(orders), { name: 'same' }) }));
    expect(errorOf(() => projectGraph([a, b]))).to.match(
      /models\.test\.ts:55:48: model 'same' is written twice \(first at .*models\.test\.ts:54:48\)/,
    );
  });

  it('rejects reading an unknown model at the read', () => {
    const p = pipeline('unknown_ref', (p) => {
      p.write(p.read(ref<{ id: string }>('nope')), { name: 'x' });
    });
    expect(errorOf(() => projectGraph([p]))).to.match(/models\.test\.ts:63:17: model 'x' reads unknown model 'nope'/);
  });

  it('rejects one source name declared with two schemas', () => {
    const other = source('orders', { id: t.int64() });
    const p = pipeline('two_sources', (p) => {
      p.write(p.read(orders), { name: 'o1' });
      p.write(p.read(other), { name: 'o2' });
    });
    expect(errorOf(() => projectGraph([p]))).to.match(/models\.test\.ts:69:19: source 'orders' is declared twice with different schemas/);
  });
});
