/**
 * The one place that prints a step's provenance: `-- orders/normalize/map (pipelines/orders.ts:12:5)`.
 */
import { isAbsolute, relative, sep } from 'node:path';
import type { Origin } from '../../ir/rel.js';

/** Formats a call-site file relative to `root`, with forward slashes on every platform. */
export function displayPath(file: string, root: string): string {
  if (!isAbsolute(file)) return file;
  return relative(root, file).split(sep).join('/');
}

/** The comment line naming a step and its TypeScript call site. */
export function stepComment(origin: Origin, root: string): string {
  const { site } = origin;
  const text = `${origin.name} (${displayPath(site.file, root)}:${site.line}:${site.column})`;
  // A newline in a name would end the comment and turn the rest into SQL.
  return `-- ${text.replace(/[\r\n\u2028\u2029]+/g, ' ')}`;
}
