/** What several commands share: the project root, environments, compiling with progress. */
import path from 'node:path';
import type { CompiledProject, DialectName } from '../compiler/artifact/types.js';
import type { TableNames } from '../compiler/dialects/dialect.js';
import { builtinLocalEnvironment, listEnvironments, loadEnvironment, type LoadedEnvironment } from '../deploy/environments/load.js';
import { dialectOf, tableNames } from '../deploy/environments/table-names.js';
import { duration } from './output/format.js';
import type { Write } from './output/progress.js';

/** Options every command accepts (defined on the root program). */
export interface GlobalOptions {
  readonly project: string;
  readonly verbose?: boolean;
}

export function projectRoot(options: GlobalOptions): string {
  return path.resolve(options.project);
}

/** Loads environment `name`; `local` falls back to the built-in default when the project has no file for it. */
export async function environment(root: string, name: string): Promise<LoadedEnvironment> {
  if (name === 'local' && !(await listEnvironments(root)).includes('local')) return builtinLocalEnvironment(root);
  return loadEnvironment(root, name);
}

/** Compiles the project, binding the environment's dialect to its table names. */
export async function compileWithProgress(root: string, env: LoadedEnvironment | undefined, write: Write): Promise<CompiledProject> {
  // Loaded on demand: the compiler pulls in ts-morph, which `--help` should not wait for. It
  // loads (about a second) while esbuild bundles the pipelines in its own process.
  const compiler = import('../compiler/index.js');
  void compiler.catch(() => undefined); // rejections surface at the await below
  const { loadPipelines } = await import('../compiler/load.js');
  const names: Partial<Record<DialectName, TableNames>> = env ? { [dialectOf(env)]: tableNames(env) } : {};
  const started = performance.now();
  const project = await loadPipelines(path.join(root, 'pipelines'));
  const { compile } = await compiler;
  const compiled = compile(project.pipelines, { root, names, files: project.files });
  write(`compiled ${compiled.models.length} model${compiled.models.length === 1 ? '' : 's'} from ${compiled.sources.length} source${compiled.sources.length === 1 ? '' : 's'} in ${duration(performance.now() - started)}`);
  return compiled;
}
