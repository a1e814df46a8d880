/**
 * The published views of the resolution: record → customer id, the alias table and the
 * cluster-size statistics, all derived from the components and the registry.
 */
import type { PCollection } from '../../sdk/index.js';
import type { ComponentMember } from './components.js';
import type { RegistryRow } from './types.js';

/** A record with its stable customer id. */
export type IdentityRecord = {
  source: string;
  record_id: string;
  seen_at: Date;
  customer_id: string;
};

/** Each record gets the active id whose anchor lies in its component (exactly one per component). */
export function recordsWithIds(members: PCollection<ComponentMember>, registry: PCollection<RegistryRow>): PCollection<IdentityRecord> {
  const idOfComponent = registry
    .filter((r) => r.status === 'active')
    .join(members, {
      on: (r, m) => r.anchor_source === m.source && r.anchor_record_id === m.record_id,
      select: (r, m) => ({ component: m.component, customer_id: r.customer_id }),
    });
  return members.join(idOfComponent, {
    on: (m, c) => m.component === c.component,
    select: (m, c) => ({ source: m.source, record_id: m.record_id, seen_at: m.seen_at, customer_id: c.customer_id }),
  });
}

/** An old id and the active id it now resolves to. */
export type AliasRow = {
  alias_id: string;
  customer_id: string;
  merged_at: Date | null;
  reason: string;
};

/** The merge history: every merged id, the active id it resolves to, when and why. */
export function aliasesOf(registry: PCollection<RegistryRow>): PCollection<AliasRow> {
  return registry
    .filter((r) => r.status === 'merged')
    .map((r) => ({ alias_id: r.customer_id, customer_id: r.merged_into ?? '', merged_at: r.merged_at, reason: r.merge_reason ?? '' }));
}

/** One row per cluster size: how many customers have that many records. */
export type ClusterSizeRow = {
  cluster_size: number;
  customers: number;
  records: number;
  /** The smallest customer id of that size, to look at with `sluice explain-identity`. */
  example_customer_id: string;
  /** True on the row of the largest cluster. */
  is_largest: boolean;
};

/** The cluster-size distribution; the largest cluster is flagged. */
export function clusterStats(records: PCollection<IdentityRecord>): PCollection<ClusterSizeRow> {
  const sizes = records.groupBy((r) => r.customer_id).aggregate((g) => ({ size: g.count() }));
  const perSize = sizes
    .groupBy((s) => s.size)
    .aggregate((g) => ({ customers: g.count(), example: g.min((s) => s.key) }));
  const largest = sizes.aggregate((g) => ({ max_size: g.max((s) => s.size) }));
  // Every size row meets the single row of `largest`.
  return perSize.join(largest, {
    on: (s, l) => s.key <= (l.max_size ?? 0),
    select: (s, l) => ({
      cluster_size: s.key,
      customers: s.customers,
      records: s.key * s.customers,
      example_customer_id: s.example ?? '',
      is_largest: s.key === l.max_size,
    }),
  });
}
