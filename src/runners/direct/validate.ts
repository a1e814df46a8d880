/**
 * Checks input rows against a declared schema before any lambda sees them, so a fixture
 * mistake (a missing column, a timestamp given as a string) fails with a precise message
 * instead of surfacing as an odd error deep inside user code.
 */
import type { CallSite } from '../../sdk/callsite.js';
import { SluiceError } from '../../sdk/errors.js';
import { typeToString, type SqlField, type SqlType } from '../../sdk/schema.js';
import type { Row } from './scope.js';
import { isNull, isPlainObject, preview } from './values.js';

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

function isValidDate(text: string): boolean {
  const m = isoDate.exec(text);
  if (!m) return false;
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  const d = new Date(0);
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return d.toISOString().slice(0, 10) === text;
}

/** Why `value` does not fit `type`, or undefined when it does. */
function mismatch(value: unknown, type: SqlType, path: string): string | undefined {
  if (isNull(value)) return type.nullable ? undefined : `column '${path}' is not nullable but is ${value}`;
  const expected = (what: string) => `column '${path}' expects ${typeToString(type)} (${what}), got ${preview(value, 60)}`;
  switch (type.kind) {
    case 'STRING':
      return typeof value === 'string' ? undefined : expected('a string');
    case 'INT64':
      return Number.isInteger(value) ? undefined : expected('an integer number');
    case 'FLOAT64':
      return typeof value === 'number' ? undefined : expected('a number');
    case 'NUMERIC':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : expected('a finite number');
    case 'BOOL':
      return typeof value === 'boolean' ? undefined : expected('a boolean');
    case 'DATE':
      return typeof value === 'string' && isValidDate(value) ? undefined : expected("a 'YYYY-MM-DD' string");
    case 'TIMESTAMP':
      return value instanceof Date && !Number.isNaN(value.getTime()) ? undefined : expected('a valid Date');
    case 'JSON':
      return undefined;
    case 'ARRAY': {
      if (!Array.isArray(value)) return expected('an array');
      for (let i = 0; i < value.length; i++) {
        const problem = mismatch(value[i], type.element!, `${path}[${i}]`);
        if (problem) return problem;
      }
      return undefined;
    }
    case 'STRUCT':
      return isPlainObject(value) ? fieldsMismatch(value, type.fields!, `${path}.`) : expected('an object');
  }
}

function fieldsMismatch(row: Record<string, unknown>, fields: readonly SqlField[], prefix: string): string | undefined {
  for (const field of fields) {
    if (!(field.name in row) || row[field.name] === undefined) return `missing column '${prefix}${field.name}'`;
    const problem = mismatch(row[field.name], field.type, `${prefix}${field.name}`);
    if (problem) return problem;
  }
  const declared = new Set(fields.map((f) => f.name));
  const extra = Object.keys(row).find((k) => !declared.has(k));
  return extra === undefined ? undefined : `undeclared column '${prefix}${extra}'`;
}

/**
 * Throws a SluiceError at `site` for the first row that does not match `fields`: a missing
 * or undeclared column, NULL in a non-nullable column, or a value of the wrong JS type.
 * `what` names the input, e.g. `source 'crm_contacts'`.
 */
export function validateRows(rows: readonly Row[], fields: readonly SqlField[], what: string, site: CallSite): void {
  rows.forEach((row, index) => {
    const problem = isPlainObject(row) ? fieldsMismatch(row, fields, '') : 'is not an object';
    if (problem) throw new SluiceError(`${what} row ${index}: ${problem}`, site);
  });
}
