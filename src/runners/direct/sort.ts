/** Stable sorting of rows by an ordering lambda (`r => [desc(r.updated_at), r.id]`). */
import type { LambdaRef } from '../../sdk/graph.js';
import { callLambda, lambdaError } from './call.js';
import { compareOrderings } from './compare.js';

/** An item with its computed ordering key. */
export interface Keyed<T> {
  readonly item: T;
  readonly key: unknown;
}

/**
 * Sorts `items` by the ordering `order` computes from `rowOf(item)`; ties keep input order
 * (SQL leaves ties unspecified, so tests must not rely on it). Returns new keyed items.
 */
export function sortByOrdering<T>(items: readonly T[], order: LambdaRef, rowOf: (item: T) => unknown): Keyed<T>[] {
  const keyed = items.map((item) => ({ item, key: callLambda(order, rowOf(item)) }));
  try {
    return keyed.sort((a, b) => compareOrderings(a.key, b.key));
  } catch (err) {
    if (err instanceof TypeError) throw lambdaError(order, `returned keys that cannot be ordered: ${err.message}`);
    throw err;
  }
}
