/** Splits rows into groups of equal key (SQL GROUP BY / PARTITION BY equality). */
import { valueKey } from './values.js';

export interface Partition<T> {
  /** The key as computed on the group's first item. */
  readonly key: unknown;
  readonly items: T[];
}

/**
 * Groups `items` by `keyOf`, in order of each key's first appearance. Keys are equal by SQL
 * grouping equality: NULL is one group, NaN one group, -0 and 0 one group, Dates by time.
 */
export function partitionBy<T>(items: readonly T[], keyOf: (item: T) => unknown): Partition<T>[] {
  const groups = new Map<string, Partition<T>>();
  for (const item of items) {
    const key = keyOf(item);
    const text = valueKey(key);
    const group = groups.get(text);
    if (group) group.items.push(item);
    else groups.set(text, { key, items: [item] });
  }
  return [...groups.values()];
}
