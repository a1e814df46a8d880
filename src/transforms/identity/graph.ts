/**
 * The identity graph: source rows → record ↔ key edges, with over-merge protection.
 *
 * Keys are pooled per record (several rows may share a record id), counted per distinct
 * value (its degree), judged by the pipeline's key judge (blocklists, patterns, degree caps),
 * and only kept keys become edges. Dropped keys go to the audit, never silently.
 */
import type { Group, PCollection } from '../../sdk/index.js';
import type { IdentityEdge, IdentityInput, IdentityNode, JudgedKey, KeyCandidate, KeyCompanion } from './types.js';

/** A record's key with the record's data timestamp. */
export type RecordKey = IdentityEdge & {
  seen_at: Date;
};

/** One row per (record, key, rule): every non-null key of every record. */
export function recordKeys(inputs: PCollection<IdentityInput>): PCollection<RecordKey> {
  return inputs
    .flatMap((r) =>
      r.keys.map((k) => ({ source: r.source, record_id: r.record_id, seen_at: r.seen_at, key_type: k.key_type, key_value: k.key_value, rule: k.rule })),
    )
    .filter((k) => k.key_value !== null)
    .map((k) => ({ source: k.source, record_id: k.record_id, seen_at: k.seen_at, key_type: k.key_type, key_value: k.key_value ?? '', rule: k.rule }))
    .distinct();
}

/** The records of the graph (those with at least one key), each with its earliest timestamp. */
export function graphNodes(keys: PCollection<RecordKey>): PCollection<IdentityNode> {
  return keys
    .groupBy((k) => ({ source: k.source, record_id: k.record_id }))
    .aggregate((g) => ({ seen_at: g.min((k) => k.seen_at) }))
    .map((n) => ({ source: n.source, record_id: n.record_id, seen_at: n.seen_at ?? new Date('1970-01-01T00:00:00Z') }));
}

/** Every distinct key value with its degree: the number of distinct records carrying it. */
export function keyCandidates(keys: PCollection<RecordKey>): PCollection<KeyCandidate> {
  return keys
    .groupBy((k) => ({ key_type: k.key_type, key_value: k.key_value }))
    .aggregate((g) => ({ degree: g.countDistinct((k) => k.source + ':' + k.record_id) }));
}

/**
 * Every key next to each other key of the same record; a key alone on its records still
 * appears once, with `other_type` null. Linear in the data: a record has a handful of keys.
 */
export function keyCompanions(keys: PCollection<RecordKey>): PCollection<KeyCompanion> {
  return keys.join(keys, {
    type: 'left',
    on: (a, b) => a.source === b.source && a.record_id === b.record_id && (a.key_type !== b.key_type || a.key_value !== b.key_value),
    select: (a, b) => ({ source: a.source, record_id: a.record_id, key_type: a.key_type, key_value: a.key_value, other_type: b.key_type, other_value: b.key_value }),
  });
}

/**
 * Key candidates with the pipeline's co-occurrence evidence: `evidence` aggregates each key's
 * companions (e.g. `emails: g.countDistinct((c) => (c.other_type === 'email' ? c.other_value : null))`),
 * and its columns reach the key judge next to the degree.
 */
export function keyCandidatesWithEvidence<S extends Record<string, unknown>>(
  keys: PCollection<RecordKey>,
  evidence: (g: Group<KeyCompanion>) => S,
): PCollection<KeyCandidate & S> {
  // The aggregate callback runs once at capture time; the lambdas inside `evidence` are
  // translated from the pipeline file where they are written.
  return keyCompanions(keys)
    .groupBy((c) => ({ key_type: c.key_type, key_value: c.key_value }))
    .aggregate((g) => ({ degree: g.countDistinct((c) => c.source + ':' + c.record_id), ...evidence(g) }));
}

/** A dropped key as the audit lists it. */
export type BlockedKey = {
  key_type: string;
  key_value: string;
  degree: number;
  reason: string;
};

/** The keys the judge dropped, with their degree and reason. */
export function blockedKeys(judged: PCollection<JudgedKey>): PCollection<BlockedKey> {
  return judged
    .filter((k) => k.drop_reason !== null)
    .map((k) => ({ key_type: k.key_type, key_value: k.key_value, degree: k.degree, reason: k.drop_reason ?? '' }));
}

/** Every record ↔ key edge, before blocking. */
export function recordEdges(keys: PCollection<RecordKey>): PCollection<IdentityEdge> {
  return keys.map((k) => ({ source: k.source, record_id: k.record_id, key_type: k.key_type, key_value: k.key_value, rule: k.rule }));
}

/** The record ↔ key edges whose key the judge kept. */
export function keptEdges(keys: PCollection<RecordKey>, judged: PCollection<JudgedKey>): PCollection<IdentityEdge> {
  const kept = judged.filter((k) => k.drop_reason === null);
  return keys.join(kept, {
    on: (e, k) => e.key_type === k.key_type && e.key_value === k.key_value,
    select: (e) => ({ source: e.source, record_id: e.record_id, key_type: e.key_type, key_value: e.key_value, rule: e.rule }),
  });
}
