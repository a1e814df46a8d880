/**
 * The name + postcode match key: `first|last|POSTCODE`. The first name is part of it because
 * a household shares last name and postcode; without it every family would be one customer.
 * Any missing part means no key.
 */
import type { SqlFunctions } from '../sql/functions.js';

/** The name key of raw parts, or null. This is the specification the SQL follows. */
export function nameKey(first: string | null, last: string | null, postcode: string | null): string | null {
  if (first === null || last === null || postcode === null) return null;
  const f = first.trim().toLowerCase();
  const l = last.trim().toLowerCase();
  const p = postcode.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return f === '' || l === '' || p === '' ? null : `${f}|${l}|${p}`;
}

/** SQL computing {@link nameKey} of three STRING expressions. */
export function nameKeySql(f: SqlFunctions, first: string, last: string, postcode: string): string {
  const parts = [`LOWER(TRIM(${first}))`, `LOWER(TRIM(${last}))`, f.regexReplaceAll(`UPPER(${postcode})`, '[^0-9A-Z]', '')];
  return `CASE WHEN ${parts.map((p) => `${p} <> ''`).join(' AND ')} THEN CONCAT(${parts.join(", '|', ")}) END`;
}
