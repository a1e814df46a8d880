import { expect } from 'chai';
import { compile } from '../../../src/compiler/index.js';
import { runDirect } from '../../../src/runners/direct/index.js';
import { connectedComponents, pipeline, source, t } from '../../../src/sdk/index.js';
import { runOnDuckDb } from '../../support/duckdb.js';

const links = source('cc_links', { a: t.string(), b: t.string().nullable(), kind: t.string() });

const graph = pipeline('cc', (p) => {
  const edges = p
    .read(links)
    .filter((l) => l.kind !== 'ignored')
    .map((l) => ({ src: l.a, dst: l.b }));
  const parts = connectedComponents(edges).map((c) => ({ node: c.node, component: c.component }));
  return { parts: p.write(parts, { name: 'cc_parts', materialize: 'table' }) };
});

const rows = [
  { a: 'x3', b: 'x1', kind: 'ok' },
  { a: 'x1', b: 'x2', kind: 'ok' },
  { a: 'y9', b: 'y8', kind: 'ok' },
  { a: 'z', b: null, kind: 'ok' },
  { a: 'x2', b: 'y8', kind: 'ignored' },
  { a: 'w', b: 'w', kind: 'ok' },
];
// Hand-derived: {x1,x2,x3} → x1, {y8,y9} → y8, z and w alone (the ignored edge joins nothing).
const expected = [
  { node: 'w', component: 'w' },
  { node: 'x1', component: 'x1' },
  { node: 'x2', component: 'x1' },
  { node: 'x3', component: 'x1' },
  { node: 'y8', component: 'y8' },
  { node: 'y9', component: 'y8' },
  { node: 'z', component: 'z' },
];
const sorted = (rs: Record<string, unknown>[]) => [...rs].sort((l, r) => String(l.node).localeCompare(String(r.node)));

describe('connectedComponents', () => {
  const compiled = compile([graph], { root: process.cwd() });
  const model = compiled.models.find((m) => m.name === 'cc_parts')!;

  it('compiles to a BigQuery script with a bounded loop', () => {
    expect(model.program).to.not.equal(undefined);
    expect(model.ddl.bigquery).to.match(/^DECLARE rounds_iteration INT64 DEFAULT 0;/);
    expect(model.ddl.bigquery).to.include('LOOP');
    expect(model.ddl.bigquery).to.match(/RAISE USING MESSAGE = 'loop rounds did not converge within 64 iterations'/);
    expect(model.ddl.bigquery).to.match(/CREATE OR REPLACE TABLE `analytics`\.`cc_parts`/);
  });

  it('gives the same components on DuckDB and the DirectRunner', async () => {
    const duck = await runOnDuckDb(compiled, { cc_links: rows });
    const direct = runDirect([graph], { sources: { cc_links: rows } });
    expect(sorted(duck.cc_parts!)).to.deep.equal(expected);
    expect(sorted(direct.models.cc_parts!)).to.deep.equal(expected);
  });

  it('refuses a view, which cannot hold a loop', () => {
    const asView = pipeline('cc_view', (p) => {
      p.write(connectedComponents(p.read(links).map((l) => ({ src: l.a, dst: l.b }))), { name: 'cc_view' });
    });
    expect(() => compile([asView], { root: process.cwd() })).to.throw(/components\.test\.ts:\d+:\d+: model 'cc_view' uses connectedComponents, which needs a loop/);
  });
});
