import { expect } from 'chai';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureSampleData } from '../../src/cli/sample-data.js';
import { SluiceError } from '../../src/sdk/errors.js';

async function project(generator?: string): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'sluice-sample-'));
  await mkdir(path.join(root, 'pipelines'));
  if (generator) await writeFile(path.join(root, 'pipelines', 'sample-data.ts'), generator);
  return root;
}

const generator = `
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
export async function generate(dir: string, options: { seed: number; scale: number }) {
  await writeFile(path.join(dir, 'people.csv'), 'id,seed,scale\\n1,' + options.seed + ',' + options.scale + '\\n');
}
`;

describe('sample data hook', () => {
  it('calls the project generator when the data folder is missing', async () => {
    const root = await project(generator);
    const dir = path.join(root, '.sluice', 'data');
    const used = await ensureSampleData(root, dir, { seed: 7, scale: 2 });
    expect(used).to.equal(path.join(root, 'pipelines', 'sample-data.ts'));
    expect(await readFile(path.join(dir, 'people.csv'), 'utf8')).to.equal('id,seed,scale\n1,7,2\n');
  });

  it('leaves a folder that already has data alone', async () => {
    const root = await project(generator);
    const dir = path.join(root, 'data');
    await mkdir(dir);
    await writeFile(path.join(dir, 'mine.csv'), 'a\n1\n');
    expect(await ensureSampleData(root, dir, { seed: 1, scale: 1 })).to.equal(undefined);
    expect(await readdir(dir)).to.deep.equal(['mine.csv']);
  });

  it('explains what to do when there is no data and no generator', async () => {
    const root = await project();
    let error: unknown;
    await ensureSampleData(root, path.join(root, 'empty'), { seed: 1, scale: 1 }).catch((e) => (error = e));
    expect(error).to.be.instanceOf(SluiceError);
    expect((error as SluiceError).message).to.include('no source data in');
    expect((error as SluiceError).hint).to.include('pipelines/sample-data.ts exporting generate(dir, { seed, scale })');
  });

  it('rejects a generator module without a generate function', async () => {
    const root = await project('export const nothing = 1;\n');
    let error: unknown;
    await ensureSampleData(root, path.join(root, 'empty'), { seed: 1, scale: 1 }).catch((e) => (error = e));
    expect((error as SluiceError).message).to.include('does not export a function generate');
  });
});
