/**
 * Runs a command as a child process and measures it: wall time (in this process, around the
 * spawn) and peak memory (the child's RSS high-water mark).
 *
 * Peak memory comes from GNU time (`/usr/bin/time -v`) when it is installed; it reports the
 * largest RSS of the process and of any child it waited for (Dataform compiles in a worker
 * process). Without GNU time, callers may fall back on a figure the child reports itself.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const gnuTime = '/usr/bin/time';

export interface Measured {
  readonly exitCode: number;
  readonly wallMs: number;
  /** Peak RSS in KiB, when GNU time is available. */
  readonly maxRssKb?: number;
  /**
   * User + system CPU time of the process and its waited-for children, when GNU time is
   * available. Much less sensitive than wall time to other load on a shared machine.
   */
  readonly cpuMs?: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface MeasureOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** True when peak memory can be measured for any command (GNU time is installed). */
export function canMeasureMemory(): boolean {
  return existsSync(gnuTime);
}

/** Runs `command args` to completion, capturing its output, and measures it. */
export async function measure(command: string, args: readonly string[], options: MeasureOptions = {}): Promise<Measured> {
  const reportDir = canMeasureMemory() ? await mkdtemp(path.join(tmpdir(), 'sluice-bench-')) : undefined;
  const report = reportDir && path.join(reportDir, 'time.txt');
  const [cmd, argv] = report ? [gnuTime, ['-v', '-o', report, command, ...args]] : [command, [...args]];
  try {
    const started = performance.now();
    const { exitCode, stdout, stderr } = await run(cmd, argv, options);
    const wallMs = performance.now() - started;
    const text = report ? await readFile(report, 'utf8') : '';
    const maxRssKb = parseMaxRss(text);
    const cpuMs = parseCpuMs(text);
    return { exitCode, wallMs, stdout, stderr, ...(maxRssKb !== undefined ? { maxRssKb } : {}), ...(cpuMs !== undefined ? { cpuMs } : {}) };
  } finally {
    if (reportDir) await rm(reportDir, { recursive: true, force: true });
  }
}

/** Reads `Maximum resident set size (kbytes): N` from a `time -v` report. */
export function parseMaxRss(report: string): number | undefined {
  const match = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(report);
  return match ? Number(match[1]) : undefined;
}

/** User + system time from a `time -v` report, in milliseconds. */
export function parseCpuMs(report: string): number | undefined {
  const user = /User time \(seconds\):\s*([\d.]+)/.exec(report);
  const system = /System time \(seconds\):\s*([\d.]+)/.exec(report);
  return user && system ? (Number(user[1]) + Number(system[1])) * 1000 : undefined;
}

function run(command: string, args: readonly string[], options: MeasureOptions): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({
        exitCode: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
  });
}
