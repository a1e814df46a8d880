/**
 * Comparing result rows as multisets: rows are sorted by a canonical text so that two
 * engines' outputs (whatever order they come in) can be compared with a deep equality.
 * Independent of the DirectRunner's own value helpers, which are code under test.
 */

export type Row = Record<string, unknown>;

/**
 * A text that orders and distinguishes every value the engines return (-0 and 0 differ).
 * Object keys are sorted: column order is asserted separately.
 */
export function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Object.is(value, -0) ? 'n:-0' : `n:${value}`;
  if (typeof value === 'string') return `s:${JSON.stringify(value)}`;
  if (typeof value === 'boolean') return `b:${value}`;
  if (typeof value === 'bigint') return `i:${value}`;
  if (value instanceof Date) return `d:${value.getTime()}`;
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const fields = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Row)[k])}`);
    return `{${fields.join(',')}}`;
  }
  return `?:${String(value)}`;
}

/** The rows sorted canonically (a copy). */
export function sortRows(rows: readonly Row[]): Row[] {
  return rows
    .map((row) => [canonical(row), row] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, row]) => row);
}

/** A readable rendering of rows for assertion messages (Dates as ISO, NaN and -0 kept). */
export function show(rows: readonly Row[]): string {
  return rows.map((row) => canonical(row).replace(/d:(-?\d+)/g, (_, ms: string) => new Date(Number(ms)).toISOString())).join('\n  ');
}
