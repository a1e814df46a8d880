/**
 * Stable customer ids. The component label changes as the graph grows, so it is never
 * published; instead the registry remembers, per customer id, its anchor record:
 *
 * - a component holding the anchors of previously active ids keeps the oldest of them
 *   (earliest first_seen_at, ties by anchor); the others become `merged` into it;
 * - a component holding no such anchor mints `cus_<source>:<record id>` of its own anchor,
 *   its earliest record (by seen_at, ties by source and record id), so a full rebuild
 *   reproduces the ids; a split therefore keeps the id with the part holding the anchor;
 * - merged ids are never deleted; their `merged_into` is re-pointed when the survivor itself
 *   merges, so it always names an active id (one hop);
 * - a minted id that was merged before (a split undid the merge) becomes active again.
 *
 * Only data timestamps are used (merged_at is the newest seen_at of the merged customer when
 * the merge was first seen), never the clock, so runs are reproducible.
 */
import { t, type PCollection } from '../../sdk/index.js';
import type { ComponentMember } from './components.js';
import type { RegistryRow } from './types.js';

/** Schema of `customer_registry`, declared for reading its previous version. */
export const registrySchema = {
  customer_id: t.string().describe('Stable customer id: cus_<anchor source>:<anchor record id> when minted'),
  anchor_source: t.string().describe('Source of the anchor record (the earliest record when the id was minted)'),
  anchor_record_id: t.string().describe('Record id of the anchor within its source'),
  first_seen_at: t.timestamp().describe('Data timestamp of the anchor record'),
  status: t.string().describe("'active', or 'merged' into another customer"),
  merged_into: t.string().nullable().describe('For merged ids: the active id that absorbed it'),
  merged_at: t.timestamp().nullable().describe('For merged ids: newest data timestamp of the customer when the merge was first seen'),
  merge_reason: t.string().nullable().describe('For merged ids: why (which anchors the identity graph linked)'),
};

/** A component and its anchor: its earliest record. */
type Anchor = {
  component: string;
  source: string;
  record_id: string;
  seen_at: Date;
};

/** A previously active id whose anchor lies in a current component. */
type Claim = {
  customer_id: string;
  anchor_source: string;
  anchor_record_id: string;
  first_seen_at: Date;
  component: string;
};

/** The new registry from the current components and the previous registry. */
export function updateRegistry(members: PCollection<ComponentMember>, previous: PCollection<RegistryRow>): PCollection<RegistryRow> {
  const anchors: PCollection<Anchor> = members
    .dedupe({ key: (m) => m.component, order: (m) => [m.seen_at, m.source, m.record_id] })
    .map((m) => ({ component: m.component, source: m.source, record_id: m.record_id, seen_at: m.seen_at }));
  const newest = members.groupBy((m) => m.component).aggregate((g) => ({ newest: g.max((m) => m.seen_at) }));
  const prevActive = previous.filter((r) => r.status === 'active');
  const prevMerged = previous.filter((r) => r.status !== 'active');

  const claims: PCollection<Claim> = prevActive.join(members, {
    on: (r, m) => r.anchor_source === m.source && r.anchor_record_id === m.record_id,
    select: (r, m) => ({ customer_id: r.customer_id, anchor_source: r.anchor_source, anchor_record_id: r.anchor_record_id, first_seen_at: r.first_seen_at, component: m.component }),
  });
  const survivors = claims.dedupe({ key: (c) => c.component, order: (c) => [c.first_seen_at, c.anchor_source, c.anchor_record_id, c.customer_id] });
  const kept = survivors.map((s) => activeRow(s.customer_id, s.anchor_source, s.anchor_record_id, s.first_seen_at));

  const minted = anchors
    .join(survivors, { type: 'left', on: (a, s) => a.component === s.component, select: (a, s) => ({ ...a, claimed: s.customer_id }) })
    .filter((a) => a.claimed === null)
    .map((a) => activeRow('cus_' + a.source + ':' + a.record_id, a.source, a.record_id, a.seen_at));

  const mergedNow = mergedThisRun(claims, survivors, newest);
  const repointed = prevMerged
    .join(mergedNow, { type: 'left', on: (r, m) => r.merged_into === m.customer_id, select: (r, m) => ({ ...r, next: m.merged_into }) })
    .map((r) => ({ ...r, merged_into: r.next ?? r.merged_into }))
    .map((r) => ({ customer_id: r.customer_id, anchor_source: r.anchor_source, anchor_record_id: r.anchor_record_id, first_seen_at: r.first_seen_at, status: r.status, merged_into: r.merged_into, merged_at: r.merged_at, merge_reason: r.merge_reason }))
    .join(minted, { type: 'left', on: (r, m) => r.customer_id === m.customer_id, select: (r, m) => ({ ...r, revived: m.customer_id }) })
    .filter((r) => r.revived === null)
    .map((r) => ({ customer_id: r.customer_id, anchor_source: r.anchor_source, anchor_record_id: r.anchor_record_id, first_seen_at: r.first_seen_at, status: r.status, merged_into: r.merged_into, merged_at: r.merged_at, merge_reason: r.merge_reason }));

  // An id whose anchor record disappeared from the sources keeps its row unchanged.
  const orphaned = prevActive
    .join(members, { type: 'left', on: (r, m) => r.anchor_source === m.source && r.anchor_record_id === m.record_id, select: (r, m) => ({ ...r, present: m.record_id }) })
    .filter((r) => r.present === null)
    .map((r) => ({ customer_id: r.customer_id, anchor_source: r.anchor_source, anchor_record_id: r.anchor_record_id, first_seen_at: r.first_seen_at, status: r.status, merged_into: r.merged_into, merged_at: r.merged_at, merge_reason: r.merge_reason }));

  return kept.union(minted, mergedNow, repointed, orphaned);
}

/** Previously active ids that lost to an older id in their component. */
function mergedThisRun(
  claims: PCollection<Claim>,
  survivors: PCollection<Claim>,
  newest: PCollection<{ key: string; newest: Date | null }>,
): PCollection<RegistryRow> {
  return claims
    .join(survivors, {
      on: (c, s) => c.component === s.component && c.customer_id !== s.customer_id,
      select: (c, s) => ({
        ...c,
        survivor: s.customer_id,
        reason: 'identity graph links anchor ' + c.anchor_source + ':' + c.anchor_record_id + ' to anchor ' + s.anchor_source + ':' + s.anchor_record_id,
      }),
    })
    .join(newest, {
      on: (c, n) => c.component === n.key,
      select: (c, n) => ({
        customer_id: c.customer_id,
        anchor_source: c.anchor_source,
        anchor_record_id: c.anchor_record_id,
        first_seen_at: c.first_seen_at,
        status: 'merged',
        merged_into: c.survivor as string | null,
        merged_at: n.newest,
        merge_reason: c.reason as string | null,
      }),
    });
}

/** A registry row of an active id. */
function activeRow(customerId: string, source: string, recordId: string, firstSeenAt: Date): RegistryRow {
  return {
    customer_id: customerId,
    anchor_source: source,
    anchor_record_id: recordId,
    first_seen_at: firstSeenAt,
    status: 'active',
    merged_into: null,
    merged_at: nullTimestamp(firstSeenAt),
    merge_reason: null,
  };
}

/**
 * A NULL of type TIMESTAMP. A bare `null` becomes a NULL STRING in SQL; a conditional with a
 * timestamp branch gives the NULL its type (the branch is never taken: `like` is not null).
 */
function nullTimestamp(like: Date): Date | null {
  return like === null ? like : null;
}
