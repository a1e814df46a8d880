/**
 * Runs a command as a child process and measures it: wall time (in this process, around the
 * spawn), and, on Linux, CPU time and peak memory of the child and every process it starts
 * (see proc-tree.ts for why this is sampled rather than read from rusage).
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { canWatchProcessTrees, watchProcessTree, type TreeWatcher } from './proc-tree.js';

export interface Measured {
  readonly exitCode: number;
  readonly wallMs: number;
  /** Sum of the RSS high-water marks of the process tree, KiB (Linux only). */
  readonly maxRssKb?: number;
  /** User + system CPU time of the process tree (Linux only): robust to other load on the machine. */
  readonly cpuMs?: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface MeasureOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** True when CPU time and peak memory are measured for any command (Linux /proc). */
export function canMeasureMemory(): boolean {
  return canWatchProcessTrees();
}

/** Runs `command args` to completion, capturing its output, and measures it. */
export function measure(command: string, args: readonly string[], options: MeasureOptions = {}): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const watcher: TreeWatcher | undefined = child.pid !== undefined && canWatchProcessTrees() ? watchProcessTree(child.pid) : undefined;
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => {
      watcher?.stop();
      reject(error);
    });
    child.on('close', (code, signal) => {
      const wallMs = performance.now() - started;
      const usage = watcher?.stop();
      resolve({
        exitCode: code ?? (signal ? 128 : 1),
        wallMs,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ...(usage ? { maxRssKb: usage.peakRssKb, cpuMs: usage.cpuMs } : {}),
      });
    });
  });
}
