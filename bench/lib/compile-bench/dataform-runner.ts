/** Measures `dataform compile` of a generated Dataform project. */
import type { DataformInstall } from '../dataform-install.js';
import { lastLines } from '../text.js';
import { measure } from '../measure.js';
import type { RunSample, SizeResult } from './results.js';

interface CompiledGraph {
  readonly tables?: readonly unknown[];
  readonly graphErrors?: { readonly compilationErrors?: readonly { readonly message?: string; readonly fileName?: string }[] };
}

/** `runs` timed `dataform compile --json` runs of the project at `root`, which has `size` models. */
export async function measureDataform(root: string, size: number, runs: number, install: DataformInstall): Promise<SizeResult> {
  const samples: RunSample[] = [];
  for (let i = 0; i < runs; i++) {
    // --json makes the CLI print the whole compiled graph, which we check below. The CLI's
    // default 60 s compile timeout is too short for 1,000 models on a busy 2-core machine.
    const result = await measure(process.execPath, [install.cli, 'compile', root, '--json', '--timeout', '10m'], { cwd: root });
    if (result.exitCode !== 0) return { size, ok: false, reason: `dataform compile failed (exit ${result.exitCode}): ${lastLines(result.stderr + result.stdout)}` };
    const problem = checkGraph(result.stdout, size);
    if (problem) return { size, ok: false, reason: problem };
    const { wallMs, maxRssKb, cpuMs } = result;
    samples.push({ wallMs, ...(maxRssKb !== undefined ? { maxRssKb } : {}), ...(cpuMs !== undefined ? { cpuMs } : {}) });
  }
  return { size, ok: true, samples };
}

/** A reason when the printed graph is not `size` error-free tables. */
function checkGraph(stdout: string, size: number): string | undefined {
  let graph: CompiledGraph;
  try {
    graph = JSON.parse(stdout) as CompiledGraph;
  } catch {
    return `dataform compile printed no JSON graph: ${lastLines(stdout)}`;
  }
  const errors = graph.graphErrors?.compilationErrors ?? [];
  if (errors.length) return `dataform reported ${errors.length} compilation error(s), first: ${errors[0]!.fileName ?? ''} ${errors[0]!.message ?? ''}`;
  const tables = graph.tables?.length ?? 0;
  return tables === size ? undefined : `dataform compiled ${tables} tables, expected ${size}`;
}
