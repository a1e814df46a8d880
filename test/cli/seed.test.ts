import { expect } from 'chai';
import { mkdtemp, readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';

/** Runs the CLI in-process on the repository's own project; returns exit code and output. */
async function sluice(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['node', 'sluice', ...args], { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) });
  return { code, out, err };
}

describe('sluice seed', () => {
  it('writes one file per source and the ground truth, identically for the same seed', async () => {
    const base = await mkdtemp(path.join(tmpdir(), 'sluice-seed-'));
    const [a, b] = [path.join(base, 'a'), path.join(base, 'b')];
    expect((await sluice('seed', '--out', a, '--seed', '3', '--scale', '0.2')).code).to.equal(0);
    expect((await sluice('seed', '--out', b, '--seed', '3', '--scale', '0.2')).code).to.equal(0);
    const files = (await readdir(a)).sort();
    expect(files).to.include.members(['_truth.csv', 'crm_contacts.csv', 'shop_orders.csv', 'app_events.csv']);
    for (const f of files) expect(await readFile(path.join(b, f), 'utf8'), f).to.equal(await readFile(path.join(a, f), 'utf8'));
  });

  it('refuses to write into a folder holding files unless --force', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sluice-seed-'));
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'mine.csv'), 'keep\n');
    const refused = await sluice('seed', '--out', dir);
    expect(refused.code).to.equal(2);
    expect(refused.err).to.match(/already holds files/);
    expect(await readdir(dir)).to.deep.equal(['mine.csv']);
    expect((await sluice('seed', '--out', dir, '--force', '--scale', '0.1')).code).to.equal(0);
    expect(await readFile(path.join(dir, 'mine.csv'), 'utf8')).to.equal('keep\n');
  });

  it('rejects a bad scale as a usage error', async () => {
    const result = await sluice('seed', '--scale', '-1');
    expect(result.code).to.equal(64);
    expect(result.err).to.match(/expected a positive number/);
  });
});
