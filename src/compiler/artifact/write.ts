/**
 * Writes the compiled artifact folder (`target/` by default):
 *   manifest.json
 *   <dialect>/<model>.sql                  the statement materializing each model
 *   <dialect>/expectations/<name>.sql      each expectation's failing-rows query
 * Output is deterministic. SQL files left over from a previous compile are removed, and
 * unchanged files are not rewritten. Files the artifact does not own are left alone.
 */
import { mkdir, readdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { artifactPaths, buildManifest, dialectsOf } from './manifest.js';
import type { CompiledProject, DialectName } from './types.js';
import { formatCallSite } from '../../sdk/callsite.js';

export interface WriteResult {
  /** Files written or already up to date, relative to the artifact folder, sorted. */
  readonly files: readonly string[];
  /** Stale files removed. */
  readonly removed: readonly string[];
}

const safeName = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** Writes `project` into `outDir`; `root` (the project root) makes paths in it relative. */
export async function writeArtifact(project: CompiledProject, outDir: string, root: string): Promise<WriteResult> {
  const files = new Map<string, string>();
  const dialects = dialectsOf(project);
  for (const m of project.models) {
    checkName(m.name);
    for (const d of dialects) files.set(artifactPaths.model(d, m.name), `${m.ddl[d].trimEnd()};\n`);
    for (const e of m.expectations) {
      checkName(e.name);
      const site = formatCallSite({ ...e.site, file: path.relative(root, e.site.file).split(path.sep).join('/') });
      for (const d of dialects) {
        const header = `-- Expectation ${e.name} (${e.severity}): ${e.description}\n-- Declared at ${site}. Returns the rows that violate it.\n`;
        files.set(artifactPaths.expectation(d, e.name), `${header}${e.sql[d].trimEnd()};\n`);
      }
    }
  }
  files.set('manifest.json', `${JSON.stringify(buildManifest(project, root), null, 2)}\n`);

  const removed = await removeStale(outDir, dialects, new Set(files.keys()));
  for (const [rel, text] of files) {
    const file = path.join(outDir, rel);
    const current = await readFile(file, 'utf8').catch(() => undefined);
    if (current === text) continue;
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  return { files: [...files.keys()].sort(), removed };
}

function checkName(name: string): void {
  // Names become file names; the SDK validates them, this guards the file system.
  if (!safeName.test(name)) throw new Error(`cannot write artifact file for name ${JSON.stringify(name)}`);
}

/** Removes `.sql` files under the dialect folders (of any dialect) that are not in `keep`. */
async function removeStale(outDir: string, dialects: readonly DialectName[], keep: ReadonlySet<string>): Promise<string[]> {
  const removed: string[] = [];
  const known: DialectName[] = ['bigquery', 'duckdb'];
  for (const d of new Set([...known, ...dialects])) {
    for (const dir of [d, `${d}/expectations`]) {
      const entries = await readdir(path.join(outDir, dir)).catch(() => [] as string[]);
      for (const name of entries) {
        const rel = `${dir}/${name}`;
        if (!name.endsWith('.sql') || keep.has(rel)) continue;
        await rm(path.join(outDir, rel));
        removed.push(rel);
      }
    }
    // Drop folders the new artifact no longer uses (rmdir only succeeds when empty).
    await rmdir(path.join(outDir, d, 'expectations')).catch(() => {});
    await rmdir(path.join(outDir, d)).catch(() => {});
  }
  return removed.sort();
}
