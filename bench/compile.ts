/**
 * The compile benchmark: generates the same synthetic project (10 / 100 / 1,000 models of
 * chains and fan-ins) for Sluice and for Dataform under bench/.work/compile/, compiles each
 * in fresh child processes, and prints wall time, peak memory, per-model cost and scaling,
 * and Sluice's speedup over `dataform compile`. See bench/README.md.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Benchmark } from './lib/benchmark.js';
import { measureDataform } from './lib/compile-bench/dataform-runner.js';
import { parseCompileOptions, usage, type CompileBenchOptions } from './lib/compile-bench/options.js';
import { comparisonTable, dataformTable, failures, profileReport, sluiceTable } from './lib/compile-bench/report.js';
import type { SizeResult } from './lib/compile-bench/results.js';
import { measureSluice, profileSluice } from './lib/compile-bench/sluice-runner.js';
import { summarizeProfile } from './lib/cpu-profile.js';
import { ensureDataform, type DataformAvailability } from './lib/dataform-install.js';
import { canMeasureMemory } from './lib/measure.js';
import { writeDataformProject } from './lib/synthetic/dataform-project.js';
import { writeSluiceProject } from './lib/synthetic/sluice-project.js';
import { syntheticProject } from './lib/synthetic/spec.js';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const workDir = path.join(repoRoot, 'bench', '.work', 'compile');
const sdkIndex = path.join(repoRoot, 'src', 'sdk', 'index.ts');

const log = (line = '') => console.log(line);

async function run(args: readonly string[]): Promise<number> {
  const options = parseCompileOptions(args);
  if (options === 'help') {
    log(usage);
    return 0;
  }
  log(`compile benchmark: sizes ${options.sizes.join(', ')}; median of ${options.runs} run(s) each; each compile in a fresh process`);
  log(
    `machine: ${os.cpus().length} cpu(s) ${os.cpus()[0]?.model ?? ''}, node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)}; ` +
      (canMeasureMemory() ? 'cpu and peak RSS sampled from /proc over each whole process tree' : 'no /proc: cpu and peak RSS for Sluice only (self-reported)'),
  );

  const dataform: DataformAvailability = options.skipDataform ? { ok: false, reason: 'skipped (--skip-dataform)' } : await ensureDataform(log);
  if (dataform.ok) log(`dataform: @dataform/cli ${dataform.install.cliVersion}, @dataform/core ${dataform.install.coreVersion} (offline, core pinned in each project's package.json)`);
  else log(`dataform: not measured: ${dataform.reason}`);

  const sluiceResults: SizeResult[] = [];
  const dataformResults: SizeResult[] = [];
  for (const size of options.sizes) {
    const project = syntheticProject(size);
    const sluiceRoot = path.join(workDir, `sluice-${size}`);
    const dataformRoot = path.join(workDir, `dataform-${size}`);
    log(`\n[${size} models] generating projects in ${path.relative(repoRoot, workDir)}/`);
    if (!options.skipSluice) {
      await writeSluiceProject(project, sluiceRoot, sdkIndex);
      log(`[${size} models] Sluice: ${options.runs} compile(s)...`);
      sluiceResults.push(await measureSluice(sluiceRoot, size, options.runs));
    }
    if (dataform.ok) {
      await writeDataformProject(project, dataformRoot, { coreVersion: dataform.install.coreVersion, nodeModules: dataform.install.nodeModules });
      log(`[${size} models] Dataform: ${options.runs} compile(s)...`);
      dataformResults.push(await measureDataform(dataformRoot, size, options.runs, dataform.install));
    }
  }

  printResults(options, sluiceResults, dataformResults, dataform);
  if (options.cpuProf && !options.skipSluice) await profile(Math.max(...options.sizes));
  await writeFile(path.join(workDir, 'results.json'), JSON.stringify({ date: new Date().toISOString(), options, sluice: sluiceResults, dataform: dataformResults }, null, 2));
  log(`\nraw samples: ${path.relative(repoRoot, path.join(workDir, 'results.json'))}`);
  return 0;
}

function printResults(options: CompileBenchOptions, sluice: readonly SizeResult[], dataform: readonly SizeResult[], availability: DataformAvailability): void {
  if (!options.skipSluice) {
    log('\nSluice (wall = whole process; start-up = node + tsx; load = bundling and importing the pipeline modules while the compiler is imported, as sluice compile does; compile = translate, plan, emit)');
    log(sluiceTable(sluice));
  }
  if (availability.ok) {
    log('\nDataform (`dataform compile --json`)');
    log(dataformTable(dataform));
  }
  if (!options.skipSluice && availability.ok) {
    log('\nSluice vs Dataform (median wall time)');
    log(comparisonTable(sluice, dataform));
  }
  const problems = [...failures('Sluice', sluice), ...failures('Dataform', dataform)];
  if (problems.length) log(`\nnot measured:\n  ${problems.join('\n  ')}`);
}

/** Profiles one Sluice compile of the largest generated project and prints what dominates. */
async function profile(size: number): Promise<void> {
  const dir = path.join(repoRoot, 'bench', '.work', 'profiles');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  log(`\nprofiling one Sluice compile of ${size} models (node --cpu-prof)...`);
  const result = await profileSluice(path.join(workDir, `sluice-${size}`), size, dir);
  if ('reason' in result) {
    log(`profile not taken: ${result.reason}`);
    return;
  }
  const files = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile'));
  // Node writes one profile per thread: the main thread, and tsx's module-loader hooks thread.
  for (const file of files) {
    const summary = await summarizeProfile(path.join(dir, file), repoRoot);
    const thread = summary.areas.some((a) => a.name.startsWith('src/compiler')) ? 'main thread' : 'module-loader (tsx hooks) thread';
    log(`\n${thread}: ${path.relative(repoRoot, path.join(dir, file))} (open in Chrome DevTools > Performance, or speedscope)`);
    log(profileReport(summary));
  }
}

const compile: Benchmark = {
  description: 'compile time, peak memory and scaling of 10/100/1,000-model projects; Sluice vs Dataform',
  run,
};
export default compile;
