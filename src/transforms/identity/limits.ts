/**
 * Identifier limits resolved by key priority ("at most one shop account per customer"), in
 * the spirit of Segment Unify: when a merge breaks a limit, the lower-priority identifiers
 * that cause it give way.
 *
 * Batch form, with exactly one retry (a second components pass, never a loop):
 * 1. after the first components pass, a component **breaks** a limit when it holds more
 *    distinct keys of a limited type T than the type's `max_keys`;
 * 2. in such a component, a key K of lower priority than T **conflicts** when the records
 *    carrying K reach more than `max_keys` distinct T keys — on the records themselves (K is
 *    a bridge), or through one other key J on the same records that outranks K and is not a
 *    bridge itself (T keys on J's records). That finds the bridge (a shared home phone between
 *    two account holders, reaching each account through each holder's email) and leaves the
 *    keys of each side alone (a person's email reaches only their own account; a phone next
 *    to a bridge is not blamed for it);
 * 3. every conflicting key is dropped (audited with reason `limit`) and components are
 *    computed once more. A component can still break a limit after that one retry (a limit
 *    on the lowest-priority type, or a bridge more than one key away); it is kept as it is.
 */
import type { PCollection } from '../../sdk/index.js';
import type { ComponentMember } from './components.js';
import type { BlockedKey } from './graph.js';
import type { IdentityEdge, KeyCandidate, KeyTypeRow, KeyTypeRule } from './types.js';

/** A kept edge with its type's rule and its record's first-pass component. */
type RankedEdge = IdentityEdge & {
  component: string;
  priority: number;
  max_keys: number | null;
};

/** A component that holds more keys of `limited_type` than allowed. */
type Violation = {
  component: string;
  limited_type: string;
  max_keys: number;
  limited_priority: number;
};

/** An edge of a breaking component, with the limit it breaks (once per broken limit). */
type ViolatingEdge = RankedEdge & {
  limited_type: string;
  limit: number;
  limited_priority: number;
};

/** A key that must give way to a limit. */
export type LimitedKey = {
  key_type: string;
  key_value: string;
};

/** The distinct key types of the graph, for the pipeline's limit rules. */
export function keyTypesOf(edges: PCollection<IdentityEdge>): PCollection<KeyTypeRow> {
  return edges
    .groupBy((e) => e.key_type)
    .aggregate((g) => ({ edges: g.count() }))
    .map((t) => ({ key_type: t.key }));
}

/** A limited key ("owner") that a key reaches in a breaking component. */
type KeyOwner = {
  component: string;
  limited_type: string;
  limit: number;
  key_type: string;
  key_value: string;
  owner: string;
};

/** The keys to drop so that the components of the retry respect the limits (see the module doc). */
export function keysBreakingLimits(
  edges: PCollection<IdentityEdge>,
  members: PCollection<ComponentMember>,
  rules: PCollection<KeyTypeRule>,
): PCollection<LimitedKey> {
  const ranked: PCollection<RankedEdge> = edges
    .join(rules, {
      on: (e, r) => e.key_type === r.key_type,
      select: (e, r) => ({ ...e, priority: r.priority, max_keys: r.max_keys }),
    })
    .join(members, {
      on: (e, m) => e.source === m.source && e.record_id === m.record_id,
      select: (e, m) => ({ ...e, component: m.component }),
    });
  const inViolation: PCollection<ViolatingEdge> = ranked.join(violations(ranked), {
    on: (e, v) => e.component === v.component,
    select: (e, v) => ({ ...e, limited_type: v.limited_type, limit: v.max_keys, limited_priority: v.limited_priority }),
  });
  const suspects = inViolation.filter((k) => k.priority < k.limited_priority);
  const reached = limitedKeysReached(inViolation);
  const direct: PCollection<KeyOwner> = suspects.join(reached, {
    on: (k, j) =>
      k.component === j.component && k.limited_type === j.limited_type && k.source === j.source && k.record_id === j.record_id &&
      j.key_type === k.key_type && j.key_value === k.key_value,
    select: (k, j) => ({ component: k.component, limited_type: k.limited_type, limit: k.limit, key_type: k.key_type, key_value: k.key_value, owner: j.owner }),
  });
  // A key that is a bridge on its own records takes the blame; its neighbours do not
  // conflict merely by touching it (a person's phone next to a namesake's shared name key).
  const bridges = overLimit(direct);
  const cleanReached = reached
    .join(bridges, {
      type: 'left',
      on: (j, b) => j.component === b.component && j.limited_type === b.limited_type && j.key_type === b.key_type && j.key_value === b.key_value,
      select: (j, b) => ({ ...j, bridge: b.key_type }),
    })
    .filter((j) => j.bridge === null);
  const through: PCollection<KeyOwner> = suspects.join(cleanReached, {
    on: (k, j) =>
      k.component === j.component && k.limited_type === j.limited_type && k.source === j.source && k.record_id === j.record_id && j.priority > k.priority,
    select: (k, j) => ({ component: k.component, limited_type: k.limited_type, limit: k.limit, key_type: k.key_type, key_value: k.key_value, owner: j.owner }),
  });
  return overLimit(direct.union(through))
    .map((k) => ({ key_type: k.key_type, key_value: k.key_value }))
    .distinct();
}

/** Keys reaching more owners than the limit they are checked against, per breaking component. */
function overLimit(owners: PCollection<KeyOwner>) {
  return owners
    .groupBy((k) => ({ component: k.component, limited_type: k.limited_type, key_type: k.key_type, key_value: k.key_value }))
    .aggregate((g) => ({ owners: g.countDistinct((k) => k.owner), limit: g.max((k) => k.limit) }))
    .filter((k) => k.owners > k.limit);
}

/** Components holding more distinct keys of a limited type than its `max_keys`. */
function violations(ranked: PCollection<RankedEdge>): PCollection<Violation> {
  return ranked
    .filter((e) => e.max_keys !== null)
    .groupBy((e) => ({ component: e.component, limited_type: e.key_type }))
    .aggregate((g) => ({
      keys: g.countDistinct((e) => e.key_value),
      max_keys: g.max((e) => e.max_keys ?? 0),
      limited_priority: g.max((e) => e.priority),
    }))
    .filter((v) => v.keys > v.max_keys)
    .map((v) => ({ component: v.component, limited_type: v.limited_type, max_keys: v.max_keys, limited_priority: v.limited_priority }));
}

/**
 * Per edge (record, key J) of a breaking component: every limited key ("owner") carried by
 * the records that carry J, so a key next to J on a record reaches them through J.
 */
function limitedKeysReached(inViolation: PCollection<ViolatingEdge>) {
  const owners = inViolation
    .filter((e) => e.key_type === e.limited_type)
    .map((e) => ({ component: e.component, limited_type: e.limited_type, source: e.source, record_id: e.record_id, owner: e.key_value }));
  const ownersOfKey = inViolation
    .join(owners, {
      on: (e, o) => e.component === o.component && e.limited_type === o.limited_type && e.source === o.source && e.record_id === o.record_id,
      select: (e, o) => ({ component: e.component, limited_type: e.limited_type, key_type: e.key_type, key_value: e.key_value, owner: o.owner }),
    })
    .distinct();
  return inViolation
    .join(ownersOfKey, {
      on: (e, o) => e.component === o.component && e.limited_type === o.limited_type && e.key_type === o.key_type && e.key_value === o.key_value,
      select: (e, o) => ({
        component: e.component, limited_type: e.limited_type, source: e.source, record_id: e.record_id,
        key_type: e.key_type, key_value: e.key_value, priority: e.priority, owner: o.owner,
      }),
    })
    .distinct();
}

/** The edges whose key is not in `dropped` (limit drops, or the whole blocked-key audit). */
export function edgesWithout(edges: PCollection<IdentityEdge>, dropped: PCollection<LimitedKey>): PCollection<IdentityEdge> {
  return edges
    .join(dropped, {
      type: 'left',
      on: (e, d) => e.key_type === d.key_type && e.key_value === d.key_value,
      select: (e, d) => ({ ...e, dropped: d.key_type }),
    })
    .filter((e) => e.dropped === null)
    .map((e) => ({ source: e.source, record_id: e.record_id, key_type: e.key_type, key_value: e.key_value, rule: e.rule }));
}

/** Audit rows of the keys dropped by limits (reason `limit`), with their degree. */
export function limitAudit(judged: PCollection<KeyCandidate>, dropped: PCollection<LimitedKey>): PCollection<BlockedKey> {
  return judged.join(dropped, {
    on: (k, d) => k.key_type === d.key_type && k.key_value === d.key_value,
    select: (k) => ({ key_type: k.key_type, key_value: k.key_value, degree: k.degree, reason: 'limit' }),
  });
}
