/** Finds the local data file of a source: `<dir>/<name>.csv|.parquet|.ndjson|.jsonl`. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { SluiceError } from '../../sdk/errors.js';
import type { CompiledSource } from '../../compiler/artifact/types.js';

export type SourceFormat = 'csv' | 'parquet' | 'ndjson';

export interface SourceFile {
  readonly path: string;
  readonly format: SourceFormat;
}

const formats: Readonly<Record<string, SourceFormat>> = {
  '.csv': 'csv',
  '.parquet': 'parquet',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
};

/** File names accepted for a source, in the order they are listed in messages. */
export function candidateNames(source: string): string[] {
  return Object.keys(formats).map((ext) => `${source}${ext}`);
}

/** Lists `dir` once; call {@link findSourceFile} per source on the result. */
export async function listDataDir(dir: string): Promise<ReadonlySet<string>> {
  try {
    return new Set(await readdir(dir));
  } catch {
    return new Set();
  }
}

/**
 * The one data file for `source` in `dir`. None, or more than one (say `orders.csv` and
 * `orders.parquet`), is an error at the source's declaration naming the directory and
 * the file names looked for.
 */
export function findSourceFile(source: CompiledSource, dir: string, entries: ReadonlySet<string>): SourceFile {
  const found = candidateNames(source.name).filter((f) => entries.has(f));
  const looked = candidateNames(source.name).join(', ');
  if (found.length === 0) {
    throw new SluiceError(
      `no data file for source '${source.name}' in ${dir} (looked for ${looked})`,
      source.site,
      `put one of those files in ${dir}, or run with --data <dir>`,
    );
  }
  if (found.length > 1) {
    throw new SluiceError(
      `several data files for source '${source.name}' in ${dir}: ${found.join(', ')}`,
      source.site,
      'keep exactly one file per source',
    );
  }
  const name = found[0]!;
  return { path: path.join(dir, name), format: formats[path.extname(name)]! };
}
