/**
 * The sample-data hook: when a local run finds no data, the project's generator writes some.
 * A project provides it as `pipelines/sample-data.ts` (or `pipelines/sample-data/index.ts`)
 * exporting `generate(dir, { seed, scale })`.
 */
import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SluiceError } from '../sdk/errors.js';

export interface SampleDataOptions {
  /** Seed of the generator: the same seed gives the same data. */
  readonly seed: number;
  /** Size multiplier; 1 is the generator's default size. */
  readonly scale: number;
}

export type Generate = (dir: string, options: SampleDataOptions) => unknown;

/** Where a project's generator may live, relative to its root, in order of preference. */
export const GENERATOR_MODULES = ['pipelines/sample-data.ts', 'pipelines/sample-data/index.ts'];

/** True when `dir` is missing or holds no files other than dotfiles. */
export async function isEmptyDataDir(dir: string): Promise<boolean> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  return entries.filter((e) => !e.startsWith('.')).length === 0;
}

/** Finds the project's generator module, or undefined when it has none. */
export async function findGenerator(root: string): Promise<string | undefined> {
  for (const rel of GENERATOR_MODULES) {
    const file = path.join(root, rel);
    if (await stat(file).then((s) => s.isFile(), () => false)) return file;
  }
  return undefined;
}

/**
 * Fills `dir` with sample data when it is empty. Returns the generator module used, or
 * undefined when `dir` already had data. Throws when data is needed and there is no generator.
 */
export async function ensureSampleData(root: string, dir: string, options: SampleDataOptions): Promise<string | undefined> {
  if (!(await isEmptyDataDir(dir))) return undefined;
  return generateSampleData(root, dir, options);
}

/** Runs the project's generator into `dir` (created if missing); returns the generator module. */
export async function generateSampleData(root: string, dir: string, options: SampleDataOptions): Promise<string> {
  const module = await findGenerator(root);
  if (!module) {
    throw new SluiceError(
      `no source data in ${dir}, and the project has no sample-data generator`,
      undefined,
      `put one file per source in ${dir} (see docs/cli.md), or add ${GENERATOR_MODULES[0]} exporting generate(dir, { seed, scale })`,
    );
  }
  const loaded = (await import(pathToFileURL(module).href)) as { generate?: unknown };
  if (typeof loaded.generate !== 'function') {
    throw new SluiceError(`${module} does not export a function generate(dir, { seed, scale })`, { file: module, line: 1, column: 1 });
  }
  await mkdir(dir, { recursive: true });
  await (loaded.generate as Generate)(dir, options);
  return module;
}
