/**
 * Table lookups that fail loudly: an operation a dialect does not map is a SluiceError at
 * the user's code, naming the operation and the dialect (Ibis's "unsupported by construction").
 */
import type { CallSite } from '../../../sdk/callsite.js';
import { SluiceError } from '../../../sdk/errors.js';
import type { DialectName } from '../dialect.js';

/** Returns `table[key]` or throws a SluiceError at `site`. */
export function lookupBuilder<K extends string, B>(
  table: Partial<Record<K, B>>,
  key: K,
  what: 'operation' | 'aggregate' | 'window function',
  dialect: DialectName,
  site: CallSite,
): B {
  const builder = table[key];
  if (builder === undefined) {
    throw new SluiceError(
      `${what} '${key}' is not supported by the ${dialect} dialect`,
      site,
      `rewrite the expression without it, or add '${key}' to the ${dialect} mapping table`,
    );
  }
  return builder;
}

/** A `fail` function bound to a site, for builders that reject particular arguments. */
export function failAt(site: CallSite, dialect: DialectName, subject: string): (problem: string, hint?: string) => never {
  return (problem, hint) => {
    throw new SluiceError(`${subject} (${dialect}): ${problem}`, site, hint);
  };
}
