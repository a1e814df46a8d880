/** Measures Sluice compiles of a generated project, each in a fresh child process. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lastLines } from '../text.js';
import { measure } from '../measure.js';
import type { ChildReport } from '../sluice-compile-child.js';
import type { RunSample, SizeResult } from './results.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const child = fileURLToPath(new URL('../sluice-compile-child.ts', import.meta.url));

/** `runs` timed compiles of the Sluice project at `root`, which has `size` models. */
export async function measureSluice(root: string, size: number, runs: number): Promise<SizeResult> {
  const samples: RunSample[] = [];
  for (let i = 0; i < runs; i++) {
    const sample = await compileOnce(root, size, []);
    if (typeof sample === 'string') return { size, ok: false, reason: sample };
    samples.push(sample);
  }
  return { size, ok: true, samples };
}

/** One compile with V8's CPU profiler on; returns the .cpuprofile folder or a failure reason. */
export async function profileSluice(root: string, size: number, profileDir: string): Promise<{ dir: string } | { reason: string }> {
  const sample = await compileOnce(root, size, ['--cpu-prof', '--cpu-prof-dir', profileDir]);
  return typeof sample === 'string' ? { reason: sample } : { dir: profileDir };
}

async function compileOnce(root: string, size: number, nodeFlags: readonly string[]): Promise<RunSample | string> {
  const result = await measure(process.execPath, [...nodeFlags, '--import', 'tsx', child, root], { cwd: repoRoot });
  if (result.exitCode !== 0) return `compile failed (exit ${result.exitCode}): ${firstError(result.stderr)}`;
  let report: ChildReport;
  try {
    report = JSON.parse(result.stdout.trim().split('\n').pop() ?? '') as ChildReport;
  } catch {
    return `unexpected output from ${path.relative(repoRoot, child)}: ${lastLines(result.stdout + result.stderr)}`;
  }
  if (report.models !== size) return `compiled ${report.models} models, expected ${size}`;
  return {
    wallMs: result.wallMs,
    // The child's own figures are exact; the sampled ones may miss its last few milliseconds.
    maxRssKb: Math.max(result.maxRssKb ?? 0, report.maxRssKb),
    cpuMs: Math.max(result.cpuMs ?? 0, report.cpuMs),
    startupMs: report.startupMs,
    loadMs: report.loadMs,
    compileMs: report.compileMs,
  };
}

/** The first lines of a failure (the message, not the whole stack). */
function firstError(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trimEnd()).filter(Boolean);
  const message = lines.findIndex((l) => /error/i.test(l));
  return lines.slice(Math.max(0, message), Math.max(0, message) + 4).join('\n    ') || '(no output)';
}
