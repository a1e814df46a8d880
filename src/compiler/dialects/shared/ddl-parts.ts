/**
 * Pieces of CREATE statements shared by the dialects.
 */
import { SluiceError } from '../../../sdk/errors.js';
import type { SqlField } from '../../../sdk/schema.js';
import type { MaterializeSpec } from '../dialect.js';

/** The column a model is partitioned by; a SluiceError when the spec names an unknown column. */
export function partitionColumn(spec: MaterializeSpec): SqlField | undefined {
  if (spec.partitionBy === undefined) return undefined;
  const column = spec.columns.find((c) => c.name === spec.partitionBy);
  if (!column) throw new SluiceError(`model '${spec.name}' is partitioned by '${spec.partitionBy}', which is not one of its columns`);
  return column;
}

/** Labels in key order, so DDL text is deterministic. */
export function sortedLabels(spec: MaterializeSpec): [string, string][] {
  return Object.entries(spec.labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Prefixes every line of free text with `-- ` (descriptions as comments). */
export function commentLines(text: string): string[] {
  return text.split(/\r\n|\r|\n|\u2028|\u2029/).map((line) => `-- ${line}`.trimEnd());
}
