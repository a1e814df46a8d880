import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Catalog } from '../../../src/validate/zetasql/catalog.js';
import { analyze } from '../../../src/validate/zetasql/analyze.js';
import { spawnServerProcess } from '../../../src/validate/zetasql/server-process.js';
import { startZetaSql } from '../../../src/validate/zetasql/server.js';

/** Whether `pid` is a live process (zombies awaiting their parent's wait() count as gone). */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isRunning(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return true;
}

/** Runs the orphan fixture, which dies as told; resolves with the server pid it printed. */
function orphanServer(how: 'SIGKILL' | 'SIGTERM' | 'throw'): Promise<{ pid: number; signal: string | null; code: number | null }> {
  const fixture = fileURLToPath(new URL('./fixtures/orphan-server.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, how], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', () => undefined);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      const match = /server-pid (\d+)/.exec(out);
      if (!match) reject(new Error(`fixture printed no pid (exit ${code ?? signal}): ${out}`));
      else resolve({ pid: Number(match[1]), signal, code });
    });
  });
}

describe('zetasql server lifecycle', () => {
  it('kills the server on kill()', async () => {
    const server = await spawnServerProcess();
    expect(isRunning(server.pid)).to.equal(true);
    await server.kill();
    expect(server.alive).to.equal(false);
    expect(await waitUntilGone(server.pid, 2000)).to.equal(true);
  });

  it('leaves no server behind when the parent is SIGKILLed, SIGTERMed or crashes', async () => {
    const deaths = await Promise.all([orphanServer('SIGKILL'), orphanServer('SIGTERM'), orphanServer('throw')]);
    expect(deaths.map((d) => d.signal ?? d.code)).to.deep.equal(['SIGKILL', 'SIGTERM', 1]);
    for (const { pid } of deaths) expect(await waitUntilGone(pid, 3000), `server ${pid}`).to.equal(true);
  });

  it('names the cause when the server dies under a client, and close() is idempotent', async () => {
    const zeta = await startZetaSql();
    const catalog = new Catalog();
    expect(await analyze(zeta, 'SELECT 1 AS one', catalog)).to.deep.include({ ok: true });
    process.kill(zeta.pid, 'SIGSEGV');
    expect(await zeta.exited).to.equal('killed by SIGSEGV');
    const error = await analyze(zeta, 'SELECT 1 AS one', catalog).catch((e: unknown) => e);
    expect((error as Error).message).to.equal('ZetaSQL server is not running (killed by SIGSEGV)');
    await zeta.close();
    await zeta.close();
    expect(isRunning(zeta.pid)).to.equal(false);
  });
});
