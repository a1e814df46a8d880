/**
 * Multiset comparison of model rows across engines, exact: numbers by value with NaN equal
 * to NaN (and -0 equal to 0, see canonical), timestamps by instant.
 * The message of a difference names the model, the columns that differ, the lambda source
 * of each step and a few rows of each side, so a shrunk counter-example reads on its own.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CompiledModel } from '../../../src/compiler/artifact/types.js';
import type { SqlField, SqlType } from '../../../src/sdk/schema.js';
import type { Row } from './engines.js';
import { repo } from './engines.js';

/**
 * A canonical text for a value; equal texts mean equal values. -0 equals 0: INT64 has no
 * negative zero, and for FLOAT64 the engines differ on the sign of a zero result of sign,
 * max/min and % (the documented difference "Negative zero"; -0 === 0 in JavaScript too).
 */
export function canonical(value: unknown, type?: SqlType): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return `ts:${Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString()}`;
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v, type?.element)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const field = (k: string) => type?.fields?.find((f) => f.name === k)?.type;
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v, field(k))}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Rows as sorted canonical texts over `columns` (the model's, in order). */
function multiset(rows: readonly Row[], columns: readonly SqlField[]): string[] {
  return rows.map((row) => columns.map((c) => `${c.name}=${canonical(row[c.name], c.type)}`).join(' ')).sort();
}

/** Columns whose multiset of values differs between two row sets. */
function differingColumns(a: readonly Row[], b: readonly Row[], columns: readonly SqlField[]): string[] {
  return columns.filter((c) => multiset(a, [c]).join('\n') !== multiset(b, [c]).join('\n')).map((c) => c.name);
}

/**
 * Undefined when `actual` equals `expected` as a multiset over the model's columns (also
 * requiring no extra keys); otherwise a message explaining the difference.
 */
export function rowsDiffer(model: CompiledModel, engine: string, expected: readonly Row[], actual: readonly Row[]): string | undefined {
  const columns = model.columns;
  const extra = actual.flatMap((r) => Object.keys(r)).filter((k) => !columns.some((c) => c.name === k));
  const want = multiset(expected, columns);
  const got = multiset(actual, columns);
  if (extra.length === 0 && want.join('\n') === got.join('\n')) return undefined;
  const shown = (rows: string[]) => (rows.length === 0 ? '    (no rows)' : rows.slice(0, 6).map((r) => `    ${r}`).join('\n') + (rows.length > 6 ? `\n    … ${rows.length - 6} more` : ''));
  return [
    `model ${model.name}: ${engine} differs from the DirectRunner`,
    extra.length ? `  unexpected columns: ${[...new Set(extra)].join(', ')}` : `  differing columns: ${differingColumns(expected, actual, columns).join(', ') || '(row counts)'}`,
    `  lambdas:\n${lambdaSources(model)}`,
    `  DirectRunner (${want.length} rows):\n${shown(want)}`,
    `  ${engine} (${got.length} rows):\n${shown(got)}`,
  ].join('\n');
}

/** The message for an engine that raised an error where the DirectRunner computed rows. */
export function engineFailed(model: CompiledModel, engine: string, error: string): string {
  return [`model ${model.name}: ${engine} raised an error where the DirectRunner computed rows`, `  ${error}`, `  lambdas:\n${lambdaSources(model)}`].join('\n');
}

/** The TypeScript source lines of the steps named in the model's SQL comments. */
export function lambdaSources(model: CompiledModel): string {
  const sites = new Set<string>();
  for (const match of model.query.duckdb.matchAll(/^-- .+ \(([^()]+):(\d+):\d+\)$/gm)) sites.add(`${match[1]}:${match[2]}`);
  return [...sites]
    .map((site) => {
      const [file, line] = [site.slice(0, site.lastIndexOf(':')), Number(site.slice(site.lastIndexOf(':') + 1))];
      const text = readFileSync(path.resolve(repo, file), 'utf8').split('\n')[line - 1]?.trim() ?? '?';
      return `    ${site}  ${text}`;
    })
    .join('\n');
}
