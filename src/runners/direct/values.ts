/**
 * Value semantics shared by every node: what counts as NULL, when two values are "the same"
 * (SQL GROUP BY / DISTINCT equality), and how a row produced by a lambda is materialized.
 */

/** SQL NULL: `null`, or `undefined` (which a table cannot store, so it reads back as NULL). */
export function isNull(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

/**
 * Whether a predicate result keeps a row. Sluice uses JavaScript truthiness everywhere a
 * predicate is evaluated (filter, countIf, join `on`, row conditions), exactly like
 * `Array.prototype.filter`. For the boolean | null results that translate to SQL this is the
 * same as SQL's "keep when TRUE" (NULL and FALSE drop the row).
 */
export function holds(result: unknown): boolean {
  return Boolean(result);
}

/** A plain object (a row or a STRUCT), as opposed to an array, a Date or null. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/**
 * A canonical text for `value` such that two values get the same text exactly when SQL
 * groups them together: NULL equals NULL, NaN equals NaN, -0 equals 0, Dates compare by
 * time, arrays element-wise, objects field by field whatever their key order.
 */
export function valueKey(value: unknown): string {
  if (isNull(value)) return 'null';
  // String(-0) is '0', so -0 and 0 share a key; NaN gets one key of its own.
  if (typeof value === 'number') return `n:${value}`;
  if (typeof value === 'string') return `s:${JSON.stringify(value)}`;
  if (typeof value === 'boolean') return `b:${value}`;
  if (typeof value === 'bigint') return `i:${value}`;
  if (value instanceof Date) return `d:${value.getTime()}`;
  if (Array.isArray(value)) return `[${value.map(valueKey).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${valueKey((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return `x:${String(value)}`;
}

/** SQL equality for grouping, DISTINCT and IN lists (see {@link valueKey}). */
export function sameValue(a: unknown, b: unknown): boolean {
  return valueKey(a) === valueKey(b);
}

/**
 * Materializes a value produced by user code the way a table would store it: `undefined`
 * becomes `null` (also inside STRUCTs and arrays); objects and arrays are copied so later
 * steps never share mutable state with the lambda that made them.
 */
export function materialize(value: unknown): unknown {
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map(materialize);
  if (isPlainObject(value)) return materializeRow(value);
  return value;
}

/** {@link materialize} for one row object. */
export function materializeRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(row)) out[key] = materialize(row[key]);
  return out;
}

/** A short JSON rendering of a row for error messages. */
export function preview(value: unknown, max = 200): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
