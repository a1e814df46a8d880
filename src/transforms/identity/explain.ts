/**
 * Why are two records one customer? The chain of shared keys between them in the identity
 * graph: a breadth-first search over the kept record ↔ key edges, so the chain is a shortest
 * one (fewest keys), and ties go to the first edge in (key type, value) order.
 */

/** A kept edge of the identity graph, as `identity_edges` holds it. */
export interface EdgeRow {
  readonly source: string;
  readonly record_id: string;
  readonly key_type: string;
  readonly key_value: string;
  readonly rule: string;
}

/** One hop of a chain: from a record, through a shared key, to the next record. */
export interface Hop {
  readonly from: string;
  readonly key_type: string;
  readonly key_value: string;
  /** Rules that made the key on each side (they may differ: an order id vs a return's order). */
  readonly rules: readonly [string, string];
  readonly to: string;
}

/** `source:record_id`, the record's node name in explanations. */
export const recordName = (source: string, recordId: string) => `${source}:${recordId}`;

/**
 * The shortest chain of shared keys from record `from` to record `to` (names as
 * {@link recordName}), or null when no chain exists in `edges`. Empty when from === to.
 */
export function keyPath(edges: readonly EdgeRow[], from: string, to: string): Hop[] | null {
  const byRecord = new Map<string, EdgeRow[]>();
  const byKey = new Map<string, EdgeRow[]>();
  const sorted = [...edges].sort((a, b) => (a.key_type + a.key_value < b.key_type + b.key_value ? -1 : 1));
  for (const e of sorted) {
    const r = recordName(e.source, e.record_id);
    const k = `${e.key_type}\u0000${e.key_value}`;
    byRecord.set(r, [...(byRecord.get(r) ?? []), e]);
    byKey.set(k, [...(byKey.get(k) ?? []), e]);
  }
  const cameFrom = new Map<string, Hop | null>([[from, null]]);
  const queue = [from];
  for (let i = 0; i < queue.length && !cameFrom.has(to); i++) {
    const record = queue[i]!;
    for (const out of byRecord.get(record) ?? []) {
      for (const into of byKey.get(`${out.key_type}\u0000${out.key_value}`) ?? []) {
        const next = recordName(into.source, into.record_id);
        if (cameFrom.has(next)) continue;
        cameFrom.set(next, { from: record, key_type: out.key_type, key_value: out.key_value, rules: [out.rule, into.rule], to: next });
        queue.push(next);
      }
    }
  }
  if (!cameFrom.has(to)) return null;
  const hops: Hop[] = [];
  for (let hop = cameFrom.get(to); hop; hop = cameFrom.get(hop.from)) hops.unshift(hop);
  return hops;
}
