/**
 * Literal helpers shared by the dialects' syntax hooks.
 */
import type { CallSite } from '../../../sdk/callsite.js';
import { SluiceError } from '../../../sdk/errors.js';

/** `YYYY-MM-DD HH:MM:SS.mmm` in UTC, from an ISO timestamp string. */
export function utcTimestampText(iso: string, site: CallSite): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new SluiceError(`invalid TIMESTAMP literal '${iso}'`, site);
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/** Checks a DATE literal's `YYYY-MM-DD` form. */
export function dateText(value: string, site: CallSite): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new SluiceError(`invalid DATE literal '${value}'`, site);
  return value;
}

/** A finite double in a form both engines parse as a float: `1.5`, `100.0`, `1e+21`. */
export function finiteFloatText(value: number): string {
  if (Object.is(value, -0)) return '-0.0';
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

/** An INT64 literal; refuses non-integers (a translator bug, not a user error). */
export function integerText(value: number, site: CallSite): string {
  if (!Number.isInteger(value)) throw new SluiceError(`INT64 literal ${value} is not an integer`, site);
  return String(value);
}

/** Characters kept out of SQL text as-is: C0/C1 controls, DEL, and the JS line separators. */
export const CONTROL_CHAR = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
