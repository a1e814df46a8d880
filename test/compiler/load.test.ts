import { expect } from 'chai';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadPipelines } from '../../src/compiler/load.js';
import { SluiceError } from '../../src/sdk/errors.js';

const sdk = path.resolve('src/sdk/index.ts');

/** A throw-away project whose pipeline modules are `files` (name → source). */
function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'sluice-load-'));
  mkdirSync(path.join(root, 'pipelines'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, 'pipelines', name), text);
  return root;
}

const sourceModule = `import { source, t } from ${JSON.stringify(sdk)};
export const items = source('ld_items', { id: t.string(), qty: t.int64() });
`;
const modelModule = `import { pipeline } from ${JSON.stringify(sdk)};
import { items } from './sources.js';

export default pipeline('ld_model', (p) => {
  const out = p.read(items)
    .filter((r) => r.qty > 0);
  return { ld_model: p.write(out, { name: 'ld_model' }) };
});
`;

describe('loading pipeline modules (one bundle)', () => {
  const roots: string[] = [];
  after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

  it('captures pipelines with the SDK shared and call sites in the original .ts files', async () => {
    const root = project({ 'sources.ts': sourceModule, 'model.ts': modelModule });
    roots.push(root);
    const loaded = await loadPipelines(path.join(root, 'pipelines'));
    expect(loaded.pipelines).to.have.length(1);
    // load.ts keeps only `instanceof Pipeline` exports: the bundle shares the SDK module.
    expect(loaded.pipelines[0]!.name).to.equal('ld_model');
    const filter = loaded.pipelines[0]!.context.nodes.find((n) => n.kind === 'filter')!;
    expect(filter.site).to.deep.equal({ file: path.join(root, 'pipelines', 'model.ts'), line: 6, column: 6 });
    // The bundle is removed once imported.
    expect(readdirSync(path.join(root, '.sluice'))).to.deep.equal([]);
  });

  it('reports a syntax error as a SluiceError at its position', async () => {
    const root = project({ 'sources.ts': sourceModule, 'broken.ts': 'export const x = (;\n' });
    roots.push(root);
    const err = await loadPipelines(path.join(root, 'pipelines')).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).to.be.instanceOf(SluiceError);
    expect((err as SluiceError).site).to.deep.equal({ file: path.join(root, 'pipelines', 'broken.ts'), line: 1, column: 19 });
  });

  it('imports modules one by one when they read import.meta', async () => {
    const root = project({ 'sources.ts': sourceModule, 'meta.ts': `export const here = import.meta.url;\n` });
    roots.push(root);
    await loadPipelines(path.join(root, 'pipelines'));
    const meta = (await import(path.join(root, 'pipelines', 'meta.ts'))) as { here: string };
    expect(meta.here).to.match(/\/pipelines\/meta\.ts$/);
  });
});
