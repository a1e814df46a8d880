import { expect } from 'chai';
import { evaluateNode, modelRows, runDirect } from '../../../src/runners/direct/index.js';
import { pipeline, ref, source, t } from '../../../src/sdk/index.js';

const contacts = source('contacts', {
  id: t.string(),
  email: t.string().nullable(),
  born: t.date().nullable(),
  seen: t.timestamp(),
  address: t.struct({ city: t.string() }),
  scores: t.array(t.int64()),
});
const good = { id: 'c1', email: 'a@x', born: '2000-02-29', seen: new Date(0), address: { city: 'Ghent' }, scores: [1, 2] };

const copy = pipeline('copy', (p) => {
  return { all: p.write(p.read(contacts).map((r) => ({ id: r.id, email: r.email })), { name: 'all_contacts' }) };
});

describe('direct runner: reading inputs and running models', () => {
  it('validates source rows against the schema, naming source, row and column', () => {
    const run = (row: Record<string, unknown>) => () => runDirect([copy], { sources: { contacts: [good, row] } });
    expect(run({ ...good, email: undefined })).to.throw(/run\.test\.ts:\d+:\d+: source 'contacts' row 1: missing column 'email'/);
    const { email: _omit, ...noEmail } = good;
    expect(run(noEmail)).to.throw(/source 'contacts' row 1: missing column 'email'/);
    expect(run({ ...good, seen: '2024-01-01T00:00:00Z' })).to.throw(/row 1: column 'seen' expects TIMESTAMP \(a valid Date\), got "2024-01-01T00:00:00Z"/);
    expect(run({ ...good, born: '2001-02-29' })).to.throw(/column 'born' expects DATE/);
    expect(run({ ...good, id: null })).to.throw(/column 'id' is not nullable/);
    expect(run({ ...good, address: {} })).to.throw(/missing column 'address\.city'/);
    expect(run({ ...good, scores: [1, 2.5] })).to.throw(/column 'scores\[1\]' expects INT64/);
    expect(run({ ...good, extra: 1 })).to.throw(/undeclared column 'extra'/);
  });

  it('requires rows for every source read', () => {
    expect(() => runDirect([copy], { sources: {} })).to.throw(/no rows given for source 'contacts'/);
  });

  it('builds models of several pipelines in dependency order, whatever order they are given in', () => {
    const counts = pipeline('counts', (p) => {
      p.write(p.read(copy.outputs.all).aggregate((g) => ({ n: g.count(), emails: g.countDistinct((r) => r.email) })), { name: 'contact_counts' });
    });
    const result = runDirect([counts, copy], { sources: { contacts: [good, { ...good, id: 'c2' }] } });
    expect(result.order).to.deep.equal(['all_contacts', 'contact_counts']);
    expect(modelRows(result, copy.outputs.all)).to.deep.equal([
      { id: 'c1', email: 'a@x' },
      { id: 'c2', email: 'a@x' },
    ]);
    expect(result.models.contact_counts).to.deep.equal([{ n: 2, emails: 1 }]);
  });

  it('derives the columns of an empty upstream model for the null side of a join', () => {
    const enrich = pipeline('enrich', (p) => {
      const extra = source('extra', { k: t.string() });
      p.write(p.read(extra).join(p.read(copy.outputs.all), { type: 'left', on: (e, c) => e.k === c.id, select: (e, c) => ({ ...e, ...c }) }), { name: 'enriched' });
    });
    const result = runDirect([copy, enrich], { sources: { contacts: [], extra: [{ k: 'q' }] } });
    expect(result.models.enriched).to.deep.equal([{ k: 'q', id: null, email: null }]);
  });

  it('reads upstream models from inputs.models when no pipeline given defines them', () => {
    const downstream = pipeline('down', (p) => {
      p.write(p.read(ref<{ id: string }>('upstream')).map((r) => ({ id: r.id.toUpperCase() })), { name: 'down' });
    });
    expect(runDirect([downstream], { sources: {}, models: { upstream: [{ id: 'a' }] } }).models.down).to.deep.equal([{ id: 'A' }]);
    expect(() => runDirect([copy], { sources: { contacts: [] }, models: { all_contacts: [] } })).to.throw(/both given in inputs\.models and written/);
  });

  it('names an unknown model at the read', () => {
    const orphan = pipeline('orphan', (p) => {
      p.write(p.read(ref<{ id: string }>('nowhere')), { name: 'orphan' });
    });
    expect(() => runDirect([orphan], { sources: {} })).to.throw(/run\.test\.ts:\d+:\d+: model 'orphan' reads unknown model 'nowhere'/);
  });

  it('rejects a cycle between models, naming it', () => {
    const a = pipeline('a', (p) => {
      p.write(p.read(ref<{ id: string }>('m_b')), { name: 'm_a' });
    });
    const b = pipeline('b', (p) => {
      p.write(p.read(ref<{ id: string }>('m_a')), { name: 'm_b' });
    });
    expect(() => runDirect([a, b], { sources: {} })).to.throw(/models read each other in a cycle: m_a → m_b → m_a/);
  });

  it('rejects a model written by two pipelines', () => {
    const again = pipeline('again', (p) => {
      p.write(p.read(contacts).map((r) => ({ id: r.id, email: r.email })), { name: 'all_contacts' });
    });
    expect(() => runDirect([copy, again], { sources: { contacts: [] } })).to.throw(/model 'all_contacts' is written twice/);
  });

  it('reads previous versions from inputs.previous (validated), empty when absent', () => {
    const inc = pipeline('inc', (p) => {
      const before = p.previous('seen_ids', { id: t.string() });
      p.write(p.read(contacts).map((r) => ({ id: r.id })).union(before).distinct(), { name: 'seen_ids' });
    });
    expect(runDirect([inc], { sources: { contacts: [good] } }).models.seen_ids).to.deep.equal([{ id: 'c1' }]);
    expect(runDirect([inc], { sources: { contacts: [good] }, previous: { seen_ids: [{ id: 'c0' }, { id: 'c1' }] } }).models.seen_ids)
      .to.deep.equal([{ id: 'c1' }, { id: 'c0' }]);
    expect(() => runDirect([inc], { sources: { contacts: [] }, previous: { seen_ids: [{ id: 1 }] } }))
      .to.throw(/previous version of model 'seen_ids' row 0: column 'id' expects STRING/);
  });

  it('evaluates a single node, computing shared inputs once', () => {
    let calls = 0;
    const shared = pipeline('shared', (p) => {
      const ids = p.read(contacts).map((r) => {
        calls++;
        return { id: r.id };
      });
      p.write(ids.union(ids), { name: 'twice' });
    });
    const node = shared.models[0]!.node;
    expect(evaluateNode(node, { sources: { contacts: [good] } })).to.deep.equal([{ id: 'c1' }, { id: 'c1' }]);
    expect(calls).to.equal(1);
  });
});
