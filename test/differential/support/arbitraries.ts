/**
 * Random values for each Sluice type, biased toward the values engines disagree on: NULL,
 * empty and whitespace-only strings (incl. U+00A0 and U+FEFF), characters beyond the BMP,
 * zero, -0, large and negative numbers, NaN and ±Infinity (FLOAT64), and timestamps at the
 * edges (epoch, leap days, 1900, 2100, 9999-12-31, 0001-01-01).
 */
import fc from 'fast-check';
import type { SqlField, SqlType } from '../../../src/sdk/schema.js';
import type { Row } from './engines.js';

const EDGE_STRINGS = [
  '', ' ', '  a b  ', '\u00a0', '\ufeffx\ufeff', '\t\n', 'A', 'abc', 'ABC', 'a,b,,c', ',', 'ß', 'İ', 'Σσς',
  '😀', 'a😀b', '𝄞 music', '日本', '$&', '$1', '-', 'null', '0', '1.5', ' 42 ', '1e3', '-0', 'x'.repeat(20),
];

/** Strings without unpaired surrogates (BigQuery strings are UTF-8). */
export const stringValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...EDGE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 6, unit: fc.constantFrom('a', 'b', 'B', ' ', ',', '-', '\u00a0', '😀', 'é', '1') }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8, unit: 'binary' }) },
);

/** Integers small enough that the fixtures' arithmetic stays within ±2^53 (see docs/validation.md). */
export const intValue: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, 1, -1, 2, 7, -7, 10, 100, 1_000_000, -1_000_000, 2 ** 31 - 1, -(2 ** 31)),
  fc.integer({ min: -1000, max: 1000 }),
  fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
);

/**
 * Doubles: the edge values, small multiples of 1/8 (exact sums), and any double up to
 * ±1e50. Larger finite values would overflow the fixtures' arithmetic, which BigQuery
 * raises as an error where JavaScript gives ±Infinity (the documented "FLOAT64 overflow").
 */
export const floatValue: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, 0.5, -0.5, 1.5, -2.5, 2.5, 0.1, 1e21, -1e21, 1e-7, 1e-300, Number.MIN_VALUE, NaN, Infinity, -Infinity, 2 ** 53, 123.456),
  fc.integer({ min: -8000, max: 8000 }).map((n) => n / 8),
  fc.double({ min: -1e50, max: 1e50, noNaN: true }),
);

const EDGE_TIMES = [
  '1970-01-01T00:00:00.000Z', '1969-12-31T23:59:59.999Z', '2024-02-29T12:00:00.000Z', '2023-12-31T23:59:59.999Z', '1900-01-01T00:00:00.000Z',
  '1900-02-28T23:59:59.000Z', '2000-02-29T00:00:00.000Z', '2100-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z', '0001-01-01T00:00:00.000Z',
  '2024-01-01T00:00:00.000Z', '2024-01-07T23:59:59.500Z',
].map((s) => new Date(s).getTime());
const MIN_MS = new Date('0001-01-01T00:00:00Z').getTime();
const MAX_MS = new Date('9999-12-31T23:59:59.999Z').getTime();

/** Milliseconds since the epoch within BigQuery's TIMESTAMP range. */
export const timeMs: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(...EDGE_TIMES),
  fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2025, 0, 1) }),
  fc.integer({ min: MIN_MS, max: MAX_MS }),
);

export const timestampValue: fc.Arbitrary<Date> = timeMs.map((ms) => new Date(ms));

/**
 * DATE as 'YYYY-MM-DD', from year 100 on: the DirectRunner's DATE check builds dates with
 * Date.UTC, which reads years 0–99 as 1900–1999, and so rejects '0001-01-01' (reported).
 */
export const dateValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('0100-01-01', '1900-02-28', '2024-02-29', '2000-02-29', '1970-01-01', '9999-12-31'),
  timeMs.filter((ms) => ms >= Date.parse('0100-01-01T00:00:00Z')).map((ms) => new Date(ms).toISOString().slice(0, 10)),
);

/** A value of `type`, NULL with some probability when the type is nullable. */
export function valueOf(type: SqlType): fc.Arbitrary<unknown> {
  const value = nonNull(type);
  return type.nullable ? fc.option(value, { nil: null, freq: 4 }) : value;
}

function nonNull(type: SqlType): fc.Arbitrary<unknown> {
  switch (type.kind) {
    case 'STRING':
      return stringValue;
    case 'INT64':
      return intValue;
    case 'FLOAT64':
      return floatValue;
    case 'NUMERIC':
      return fc.integer({ min: -10_000_000, max: 10_000_000 }).map((n) => n / 100);
    case 'BOOL':
      return fc.boolean();
    case 'DATE':
      return dateValue;
    case 'TIMESTAMP':
      return timestampValue;
    case 'JSON':
      return fc.jsonValue({ maxDepth: 2 });
    case 'ARRAY':
      return fc.array(nonNull(type.element!), { maxLength: 4 });
    case 'STRUCT':
      return fc.record(Object.fromEntries(type.fields!.map((f) => [f.name, valueOf(f.type)])));
  }
}

/**
 * Rows of a table with `columns`; a column named `id` is the row number, unique, so that
 * orderings the fixtures write as `[..., r.id]` never tie (tie order is unspecified in SQL).
 */
export function rowsOf(
  columns: readonly SqlField[],
  overrides: Readonly<Record<string, fc.Arbitrary<unknown>>> = {},
  maxLength = 8,
): fc.Arbitrary<Row[]> {
  const value = (c: SqlField) => {
    const narrowed = overrides[c.name];
    if (!narrowed) return valueOf(c.type);
    return c.type.nullable ? fc.option(narrowed, { nil: null, freq: 4 }) : narrowed;
  };
  const record = fc.record(Object.fromEntries(columns.filter((c) => c.name !== 'id').map((c) => [c.name, value(c)])));
  return fc.array(record, { maxLength }).map((rows) =>
    rows.map((row, i) => Object.fromEntries(columns.map((c) => [c.name, c.name === 'id' ? i + 1 : (row as Row)[c.name]]))),
  );
}
