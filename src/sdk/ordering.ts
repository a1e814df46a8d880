/** Values an ordering lambda may return. */
export type OrderKey = string | number | boolean | Date | null | undefined;

/** A descending sort key; create with {@link desc}. */
export interface Desc {
  readonly __desc: OrderKey;
}

/** An ordering lambda returns one key, or an array of keys compared left to right. */
export type Ordering = OrderKey | Desc | readonly (OrderKey | Desc)[];

/**
 * Sorts by `value` descending inside an ordering lambda: `r => [desc(r.updated_at), r.id]`.
 * NULLs sort first ascending and last descending, in every engine.
 */
export function desc(value: OrderKey): Desc {
  return { __desc: value };
}

export function isDesc(value: unknown): value is Desc {
  return typeof value === 'object' && value !== null && '__desc' in value;
}
