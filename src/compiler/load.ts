/**
 * Loads a project's pipelines by importing its modules: executing them captures the graphs.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isPipeline, type Pipeline } from '../sdk/pipeline.js';
import { importBundled } from './load-bundle.js';

export interface LoadedProject {
  readonly root: string;
  readonly pipelines: readonly Pipeline[];
  readonly files: readonly string[];
}

const isPipelineModule = (name: string) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts');

async function listModules(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && isPipelineModule(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((file) => !file.split(path.sep).includes('test'))
    .sort();
}

/**
 * Imports every `.ts` module under `dir` (tests excluded) and collects the exported
 * pipelines, each once, in file order.
 */
export async function loadPipelines(dir: string, files?: readonly string[]): Promise<LoadedProject> {
  const root = path.resolve(dir);
  const modules = files ? files.map((f) => path.resolve(f)) : await listModules(root);
  const seen = new Set<Pipeline>();
  for (const exports of await importModules(modules, root)) {
    for (const value of Object.values(exports)) if (isPipeline(value)) seen.add(value);
  }
  return { root, pipelines: [...seen], files: modules };
}

/**
 * The exports of each module, in order: bundled into one module when possible (see
 * load-bundle.ts), else imported one by one. The bundle goes into `.sluice/` of the folder
 * holding the pipelines folder, the project root.
 */
async function importModules(modules: readonly string[], root: string): Promise<Record<string, unknown>[]> {
  if (modules.length === 0) return [];
  const bundled = await importBundled(modules, path.dirname(root));
  if (bundled) return bundled;
  const out: Record<string, unknown>[] = [];
  for (const file of modules) out.push((await import(pathToFileURL(file).href)) as Record<string, unknown>);
  return out;
}
