/**
 * The compiler's front door: load a project's pipelines and compile them for every dialect.
 * This is the composition root that wires the translator, planner and dialects together.
 */
import path from 'node:path';
import type { CompiledModel, CompiledProject, DialectName } from './artifact/types.js';
import { compilePipelines } from './compile.js';
import { bigquery } from './dialects/bigquery/index.js';
import type { Dialect, TableNames } from './dialects/dialect.js';
import { duckdb } from './dialects/duckdb/index.js';
import { loadPipelines } from './load.js';
import { defaultNames } from './names.js';
import { createPlanner } from './plan/index.js';
import { createTranslator } from './translate/index.js';
import type { Pipeline } from '../sdk/pipeline.js';

export const dialects: readonly Dialect[] = [bigquery, duckdb];

export interface CompileProjectOptions {
  /** Project root (holds tsconfig.json). */
  readonly root: string;
  /** Folder of pipeline modules; default `<root>/pipelines`. */
  readonly pipelinesDir?: string;
  /** Physical names per dialect; defaults from src/compiler/names.ts. */
  readonly names?: Partial<Record<DialectName, TableNames>>;
  readonly onModel?: (model: CompiledModel, index: number, total: number) => void;
}

/** Compiles already-loaded pipelines with the default translator, planner and dialects. */
export function compile(
  pipelines: readonly Pipeline[],
  options: Omit<CompileProjectOptions, 'pipelinesDir'> & { readonly files?: readonly string[] },
): CompiledProject {
  return compilePipelines(pipelines, {
    dialects,
    names: { ...defaultNames, ...options.names },
    // Every module up front: the type checker's program, if needed at all, is built once. The
    // pipelines let the translator decide null checks without the checker.
    translator: createTranslator({ tsconfig: path.join(options.root, 'tsconfig.json'), pipelines, ...(options.files ? { files: options.files } : {}) }),
    planner: createPlanner(),
    ...(options.onModel ? { onModel: options.onModel } : {}),
  });
}

/** Loads every pipeline module of a project and compiles it. */
export async function compileProject(options: CompileProjectOptions): Promise<CompiledProject> {
  const dir = options.pipelinesDir ?? path.join(options.root, 'pipelines');
  const project = await loadPipelines(dir);
  return compile(project.pipelines, { ...options, files: project.files });
}

export type { CompiledModel, CompiledProject, DialectName };
