/**
 * The total order Sluice sorts by (ORDER BY in every engine):
 * - NULL (and undefined) before every value ascending, after every value descending.
 * - numbers numerically, -0 equal to 0, NaN after +Infinity (DuckDB's order; BigQuery must
 *   emulate it).
 * - strings by Unicode code point — the order of UTF-8 bytes that BigQuery and DuckDB's
 *   default binary collation use — NOT by UTF-16 code unit as JavaScript's `<` does
 *   (they differ for astral characters against U+E000–U+FFFF).
 * - Dates by time, booleans false before true.
 * Values of different kinds do not compare (SQL would not type-check): a TypeError.
 */
import { isDesc } from '../../sdk/ordering.js';
import { isNull } from './values.js';

/** Compares two strings by Unicode code point. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (D800–DFFF) encode code points above FFFF, so they must sort after
    // E000–FFFF: shift both ranges to restore code point order.
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

function kindOf(value: unknown): string {
  return value instanceof Date ? 'Date' : typeof value;
}

function compareNumbers(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares two single values ascending, NULLs first. */
export function compareValues(a: unknown, b: unknown): number {
  if (isNull(a) || isNull(b)) return isNull(a) ? (isNull(b) ? 0 : -1) : 1;
  const kind = kindOf(a);
  if (kind !== kindOf(b)) throw new TypeError(`cannot order a ${kind} against a ${kindOf(b)}`);
  if (typeof a === 'number') return compareNumbers(a, b as number);
  if (typeof a === 'string') return compareCodePoints(a, b as string);
  if (typeof a === 'boolean') return a === b ? 0 : a ? 1 : -1;
  if (a instanceof Date) return compareNumbers(a.getTime(), (b as Date).getTime());
  throw new TypeError(`cannot order values of type ${kind}`);
}

interface SortKey {
  readonly value: unknown;
  readonly desc: boolean;
}

function sortKeys(ordering: unknown): SortKey[] {
  const items = Array.isArray(ordering) ? ordering : [ordering];
  return items.map((item) => (isDesc(item) ? { value: item.__desc, desc: true } : { value: item, desc: false }));
}

/**
 * Compares two results of an ordering lambda: a key or an array of keys, each possibly
 * wrapped in `desc()`, compared left to right.
 */
export function compareOrderings(a: unknown, b: unknown): number {
  const ka = sortKeys(a);
  const kb = sortKeys(b);
  const n = Math.min(ka.length, kb.length);
  for (let i = 0; i < n; i++) {
    const c = compareValues(ka[i]!.value, kb[i]!.value);
    if (c !== 0) return ka[i]!.desc ? -c : c;
  }
  return ka.length - kb.length;
}
