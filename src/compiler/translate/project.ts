/**
 * One ts-morph Project per Translator: source files are parsed once and added lazily, and the
 * type checker is shared. The project's tsconfig.json is used when present, so the checker
 * sees the SDK types; ambient `types` are dropped because lambdas never need them (this
 * keeps the first type-check fast).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Project, ts, type SourceFile } from 'ts-morph';
import type { CallSite } from '../../sdk/callsite.js';
import { SluiceError } from '../../sdk/errors.js';

export interface SourceProjectOptions {
  /** Path of the project's tsconfig.json (used when it exists). */
  readonly tsconfig?: string;
  /** Files to load up front (e.g. every pipeline module), so the program is built once. */
  readonly files?: readonly string[];
}

export class SourceProject {
  private readonly project: Project;
  private readonly files = new Map<string, SourceFile>();

  constructor(options: SourceProjectOptions = {}) {
    const tsconfig = options.tsconfig ?? path.resolve('tsconfig.json');
    const compilerOptions = { types: [], noEmit: true, skipLibCheck: true };
    this.project = existsSync(tsconfig)
      ? new Project({ tsConfigFilePath: tsconfig, skipAddingFilesFromTsConfig: true, compilerOptions })
      : new Project({
          compilerOptions: { ...compilerOptions, strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext },
        });
    for (const file of options.files ?? []) this.project.addSourceFileAtPathIfExists(path.resolve(file));
  }

  /** The parsed source file of a call site (cached). */
  file(site: CallSite): SourceFile {
    const cached = this.files.get(site.file);
    if (cached) return cached;
    const sf = this.project.getSourceFile(site.file) ?? this.project.addSourceFileAtPathIfExists(site.file);
    if (!sf) throw new SluiceError(`cannot read the source of this lambda (${site.file})`, site, 'the compiler reads lambdas from their TypeScript source files');
    this.files.set(site.file, sf);
    return sf;
  }
}
