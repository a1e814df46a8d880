/** The all-NULL row of an outer join's unmatched side. */
import type { Row } from './scope.js';

/**
 * The unmatched side of an outer join: every field is null. Known fields are own
 * properties (so spreading it yields them); reading any other field also gives null, so
 * the select lambda sees SQL's all-NULL row even when the fields could not be derived.
 */
export function nullRow(fields: readonly string[]): Row {
  const target: Row = Object.fromEntries(fields.map((f) => [f, null]));
  return new Proxy(target, {
    get: (obj, prop, receiver) => (typeof prop === 'string' && !(prop in obj) ? null : Reflect.get(obj, prop, receiver)),
  });
}
