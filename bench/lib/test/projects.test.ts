import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { writeDataformProject } from '../synthetic/dataform-project.js';
import { writeSluiceProject } from '../synthetic/sluice-project.js';
import { syntheticProject } from '../synthetic/spec.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const sdkIndex = path.join(repoRoot, 'src', 'sdk', 'index.ts');
const project = syntheticProject(12);

describe('bench: generated projects', () => {
  let dir: string;
  before(async () => {
    // Inside the repository, as the benchmark does, so that the generated tsconfig finds @types/node.
    await mkdir(path.join(repoRoot, 'bench', '.work'), { recursive: true });
    dir = await mkdtemp(path.join(repoRoot, 'bench', '.work', 'unit-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a Sluice project whose pipelines capture every model with its parents', async () => {
    const pipelinesDir = await writeSluiceProject(project, path.join(dir, 'sluice'), sdkIndex);
    // Imported dynamically: mocha requires test files as CommonJS (through tsx), while
    // loadPipelines imports the pipelines as ESM; a static import would give two copies of
    // the SDK, and the loader's `instanceof Pipeline` would see none.
    const { loadPipelines } = await import('../../../src/compiler/load.js');
    const loaded = await loadPipelines(pipelinesDir);
    const models = loaded.pipelines.flatMap((p) => p.models);
    expect(models.map((m) => m.name).sort()).to.deep.equal(project.models.map((m) => m.name).sort());
    for (const spec of project.models) {
      const pipeline = loaded.pipelines.find((p) => p.name === spec.name)!;
      const reads = pipeline.context.nodes.flatMap((n) => (n.kind === 'readModel' ? [n.model] : n.kind === 'readSource' ? [n.source] : []));
      expect(reads, spec.name).to.deep.equal(spec.inputs.map((i) => i.name));
    }
  });

  it('writes Sluice pipelines that type-check under strict TypeScript', async () => {
    const root = path.join(dir, 'sluice');
    const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    // Rejects (failing the test) with tsc's diagnostics on stdout when a lambda does not type-check.
    await promisify(execFile)(process.execPath, [tsc, '--noEmit', '-p', root]);
  });

  it('rejects a broken pipeline in the type check (the check above can fail)', async () => {
    const root = path.join(dir, 'broken');
    await writeSluiceProject(project, root, sdkIndex);
    const first = path.join(root, 'pipelines', `${project.models[0]!.name}.ts`);
    await writeFile(first, (await readFile(first, 'utf8')).replace('r.quantity,', 'r.no_such_column,'));
    const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    const error = await promisify(execFile)(process.execPath, [tsc, '--noEmit', '-p', root]).then(() => undefined, (e: { stdout: string }) => e);
    expect(error?.stdout).to.contain('no_such_column');
  });

  it('writes a Dataform project: one SQLX per model with ref()s to its parents, core pinned and local', async () => {
    const nodeModules = path.join(dir, 'fake_modules');
    await mkdir(path.join(nodeModules, '@dataform', 'core'), { recursive: true });
    await writeFile(path.join(nodeModules, '@dataform', 'core', 'package.json'), '{"version":"9.9.9"}');
    const root = path.join(dir, 'dataform');
    await writeDataformProject(project, root, { coreVersion: '9.9.9', nodeModules });

    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies).to.deep.equal({ '@dataform/core': '9.9.9' });
    expect(await readFile(path.join(root, 'node_modules', '@dataform', 'core', 'package.json'), 'utf8')).to.contain('9.9.9');
    expect(await readFile(path.join(root, 'workflow_settings.yaml'), 'utf8')).to.not.contain('dataformCoreVersion');
    expect((await readdir(path.join(root, 'definitions', 'sources'))).sort()).to.deep.equal(project.sources.map((s) => `${s}.sqlx`).sort());
    for (const model of project.models) {
      const sqlx = await readFile(path.join(root, 'definitions', `${model.name}.sqlx`), 'utf8');
      const refs = [...sqlx.matchAll(/\$\{ref\("([^"]+)"\)\}/g)].map((m) => m[1]);
      expect(refs, model.name).to.deep.equal(model.inputs.map((i) => i.name));
      expect(sqlx).to.contain(`type: "${model.materialize}"`);
    }
  });
});
