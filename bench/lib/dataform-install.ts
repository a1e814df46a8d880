/**
 * Makes the Dataform CLI available to the benchmark without making it a dependency of
 * Sluice: it lives in `bench/dataform/` (own package.json + lockfile, node_modules
 * gitignored) and is installed with `npm ci` the first time a benchmark needs it.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lastLines } from './text.js';

/** The folder holding the benchmark's Dataform package.json and lockfile. */
export const dataformDir = fileURLToPath(new URL('../dataform/', import.meta.url));

export interface DataformInstall {
  /** The CLI entry script (run with `node`). */
  readonly cli: string;
  readonly cliVersion: string;
  readonly coreVersion: string;
  /** The node_modules folder holding `@dataform/core`. */
  readonly nodeModules: string;
}

export type DataformAvailability = { readonly ok: true; readonly install: DataformInstall } | { readonly ok: false; readonly reason: string };

interface Manifest {
  readonly version?: string;
  readonly dependencies?: Record<string, string>;
  readonly bin?: Record<string, string>;
}

const readJson = async (file: string): Promise<Manifest> => JSON.parse(await readFile(file, 'utf8')) as Manifest;

/**
 * Returns the installed Dataform, running `npm ci --prefix bench/dataform` first when it is
 * missing or not at the pinned versions. Never throws: failures come back as a reason.
 */
export async function ensureDataform(log: (line: string) => void): Promise<DataformAvailability> {
  try {
    const wanted = (await readJson(path.join(dataformDir, 'package.json'))).dependencies ?? {};
    const nodeModules = path.join(dataformDir, 'node_modules');
    if (!(await installedAsPinned(nodeModules, wanted))) {
      log(`installing Dataform into ${path.relative(process.cwd(), dataformDir) || '.'} (npm ci; needs the npm registry once)...`);
      const result = await npmCi(dataformDir);
      if (result.code !== 0) return { ok: false, reason: `npm ci failed (exit ${result.code}): ${lastLines(result.output)}` };
      if (!(await installedAsPinned(nodeModules, wanted))) return { ok: false, reason: 'npm ci finished but @dataform/cli or @dataform/core is still missing' };
    }
    const cliDir = path.join(nodeModules, '@dataform', 'cli');
    const cliManifest = await readJson(path.join(cliDir, 'package.json'));
    const bin = cliManifest.bin?.['dataform'];
    if (!bin) return { ok: false, reason: '@dataform/cli declares no `dataform` bin' };
    return {
      ok: true,
      install: {
        cli: path.join(cliDir, bin),
        cliVersion: cliManifest.version ?? '?',
        coreVersion: (await readJson(path.join(nodeModules, '@dataform', 'core', 'package.json'))).version ?? '?',
        nodeModules,
      },
    };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}

async function installedAsPinned(nodeModules: string, wanted: Record<string, string>): Promise<boolean> {
  for (const name of ['@dataform/cli', '@dataform/core']) {
    const manifest = path.join(nodeModules, name, 'package.json');
    if (!existsSync(manifest)) return false;
    if ((await readJson(manifest)).version !== wanted[name]) return false;
  }
  return true;
}

function npmCi(dir: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['ci', '--prefix', dir, '--no-audit', '--no-fund', '--ignore-scripts'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => resolve({ code: 1, output: error.message }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}
