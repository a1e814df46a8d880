/**
 * Child process of the compile benchmark: compiles one generated Sluice project and prints
 * one JSON line ({@link ChildReport}) on stdout. Running each compile in a fresh process
 * gives honest cold-start numbers and a per-compile RSS high-water mark.
 *
 * Usage: node --import tsx bench/lib/sluice-compile-child.ts <project root>
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { loadPipelines } from '../../src/compiler/load.js';

/** What the child reports to the harness. */
export interface ChildReport {
  readonly models: number;
  /** From process start until the child's code runs (node, tsx, the loader). */
  readonly startupMs: number;
  /**
   * Bundling and importing the pipeline modules (graph capture) while the compiler (ts-morph)
   * is imported alongside, as `sluice compile` does (src/cli/project.ts).
   */
  readonly loadMs: number;
  /** compile() of the loaded pipelines: translate, plan, emit. */
  readonly compileMs: number;
  /** This process's own RSS high-water mark, KiB (exact; the harness samples only every 20 ms). */
  readonly maxRssKb: number;
  /** This process's user + system CPU time (all threads), ms. */
  readonly cpuMs: number;
}

async function main(): Promise<void> {
  const root = path.resolve(process.argv[2] ?? '.');
  const pipelinesDir = path.join(root, 'pipelines');
  // performance.now() counts from this process's start; the static imports above are done.
  const startupMs = performance.now();

  // What `sluice compile` does, in two steps on their own clocks: the compiler is imported
  // while esbuild bundles the pipelines in its own process.
  const t0 = performance.now();
  const compiler = import('../../src/compiler/index.js');
  const loaded = await loadPipelines(pipelinesDir);
  const { compile } = await compiler;
  const t1 = performance.now();
  const project = compile(loaded.pipelines, { root, files: loaded.files });
  const t2 = performance.now();

  const report: ChildReport = {
    models: project.models.length,
    startupMs,
    loadMs: t1 - t0,
    compileMs: t2 - t1,
    maxRssKb: process.resourceUsage().maxRSS,
    cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
  };
  process.stdout.write(JSON.stringify(report) + '\n');
}

// `pathToFileURL` keeps this check right on paths with spaces.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
