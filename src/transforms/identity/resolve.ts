/**
 * `resolveIdentities`: the identity-resolution composite. Source rows with match keys in,
 * the identity models out (graph edges, blocked-key audit, components, registry, aliases,
 * record → customer id, cluster statistics).
 */
import { SluiceError, notNull, unique, type Group, type Model, type PCollection, type PipelineBuilder } from '../../sdk/index.js';
import { captureCallSite } from '../../sdk/callsite.js';
import { componentsOf, type ComponentMember } from './components.js';
import { blockedKeys, graphNodes, keyCandidates, keyCandidatesWithEvidence, keptEdges, recordEdges, recordKeys, type BlockedKey, type RecordKey } from './graph.js';
import { edgesWithout, keysBreakingLimits, keyTypesOf, limitAudit } from './limits.js';
import { aliasesOf, clusterStats, recordsWithIds, type AliasRow, type ClusterSizeRow, type IdentityRecord } from './outputs.js';
import { registrySchema, updateRegistry } from './registry.js';
import type { IdentityEdge, IdentityInput, JudgedKey, KeyCandidate, KeyCompanion, KeyTypeRow, KeyTypeRule, RegistryRow } from './types.js';

export interface IdentityOptions<S extends Record<string, unknown> = Record<never, never>> {
  /** One collection per source, mapped to {@link IdentityInput} (same columns in each). */
  readonly records: readonly PCollection<IdentityInput>[];
  /**
   * Co-occurrence evidence for the judge, aggregated over each key's companions (the other
   * keys of the records carrying it): each column reaches `judgeKeys` next to `degree`, e.g.
   * `(g) => ({ emails: g.countDistinct((c) => (c.other_type === 'email' ? c.other_value : null)) })`
   * lets the judge drop a device seen with more than one email.
   */
  readonly keyEvidence?: (g: Group<KeyCompanion>) => S;
  /**
   * Decides which keys may link records: return the candidates with `drop_reason` set
   * (null keeps the key). Write it as a map in the pipeline file, so its lambda compiles:
   * `(keys) => keys.map((k) => ({ ...k, drop_reason: dropReason(k) }))`.
   */
  readonly judgeKeys: (keys: PCollection<KeyCandidate & S>) => PCollection<JudgedKey>;
  /**
   * Identifier limits and key priority, per key type: `max_keys` distinct keys of the type per
   * customer (null: no limit) and a `priority` (higher outranks lower). A customer breaking a
   * limit loses the conflicting lower-priority keys, audited with reason `limit`, and
   * components are computed once more (one retry; see limits.ts). Write it as a map:
   * `(types) => types.map((t) => ({ key_type: t.key_type, max_keys: maxKeys(t.key_type), priority: priority(t.key_type) }))`.
   */
  readonly limits?: (types: PCollection<KeyTypeRow>) => PCollection<KeyTypeRule>;
  /** Rounds of the components loop before the run fails loudly (default 64). */
  readonly maxRounds?: number;
}

/** The identity models, to read from other pipelines with `p.read(identity.outputs.records)`. */
export interface IdentityModels {
  /** `identity_records`: every record with at least one key, with its stable customer id. */
  readonly records: Model<IdentityRecord>;
  /** `identity_record_keys`: every normalized key of every record, before blocking. */
  readonly recordKeys: Model<RecordKey>;
  /** `identity_edges`: the record ↔ key edges kept after blocking. */
  readonly edges: Model<IdentityEdge>;
  /** `identity_blocked_keys`: every dropped key with its degree and reason. */
  readonly blockedKeys: Model<BlockedKey>;
  /** `identity_components`: every record with its component label (internal, unstable). */
  readonly components: Model<ComponentMember>;
  /** `customer_registry`: every customer id ever minted, its anchor and status. */
  readonly registry: Model<RegistryRow>;
  /** `customer_id_aliases`: merged ids and the active id each resolves to. */
  readonly aliases: Model<AliasRow>;
  /** `identity_cluster_stats`: the cluster-size distribution. */
  readonly clusterStats: Model<ClusterSizeRow>;
}

/**
 * Resolves identities across sources and writes the identity models.
 *
 * @example
 * export const identity = pipeline('identity', (p) =>
 *   resolveIdentities(p, {
 *     records: [p.read(crmContacts).map((c) => ({ source: 'crm_contacts', record_id: c.contact_id, seen_at: c.created_at, keys: [emailKey(c.email)] }))],
 *     judgeKeys: (keys) => keys.map((k) => ({ ...k, drop_reason: k.degree > 500 ? 'degree_cap' : null })),
 *   }));
 */
export function resolveIdentities<S extends Record<string, unknown> = Record<never, never>>(p: PipelineBuilder, options: IdentityOptions<S>): IdentityModels {
  const [first, ...rest] = options.records;
  if (!first) throw new SluiceError('resolveIdentities needs at least one source in `records`', captureCallSite());
  const keys = recordKeys(first.union(...rest));
  // Written once so the normalizations (regex-heavy) run once, not in every model below.
  const keyTable = p.write(keys, {
    name: 'identity_record_keys',
    materialize: 'table',
    description: 'Every normalized match key of every source record (before blocking), with the record\'s data timestamp',
    columns: {
      source: 'Source of the record', record_id: 'Record id within the source', seen_at: 'Data timestamp of the record',
      key_type: 'Key type', key_value: 'Normalized key value', rule: 'Rule that produced the key',
    },
  });

  const candidates = options.keyEvidence ? keyCandidatesWithEvidence(keys, options.keyEvidence) : (keyCandidates(keys) as PCollection<KeyCandidate & S>);
  const judged = options.judgeKeys(candidates);
  const maxRounds = options.maxRounds ?? 64;
  const nodes = graphNodes(keys);
  let blockedRows = blockedKeys(judged);
  if (options.limits) {
    // One retry (limits.ts): a first pass over the judged edges finds the keys that break a
    // limit; the components below are computed without them.
    const judgedEdges = keptEdges(keys, judged);
    const dropped = keysBreakingLimits(judgedEdges, componentsOf(nodes, judgedEdges, maxRounds), options.limits(keyTypesOf(judgedEdges)));
    blockedRows = blockedRows.union(limitAudit(judged, dropped));
  }
  // The kept edges are the record keys not in the audit: read from its table, so the judge
  // and the first components pass run once, in the audit's model.
  const edgeRows = edgesWithout(recordEdges(keys), blockedRows);
  const members = componentsOf(nodes, edgeRows, maxRounds);

  const blocked = p.write(blockedRows, {
    name: 'identity_blocked_keys',
    materialize: 'table',
    description: 'Keys that may not link records (blocklists, patterns, degree caps, shared-key rules, identifier limits), with their degree: over-merge protection, audited',
    columns: { key_type: 'Key type', key_value: 'Normalized key value', degree: 'Distinct records carrying the key', reason: 'Why it was dropped' },
    expect: [unique((k) => k.key_type + ':' + k.key_value)],
  });

  const edges = p.write(edgeRows, {
    name: 'identity_edges',
    materialize: 'table',
    description: 'Record ↔ key edges of the identity graph kept after blocking: why records are one customer',
    columns: { source: 'Source of the record', record_id: 'Record id within the source', key_type: 'Key type', key_value: 'Normalized key value', rule: 'Rule that produced the key' },
  });

  const components = p.write(members, {
    name: 'identity_components',
    materialize: 'table',
    description: 'Every record with a match key and its connected-component label (internal: labels change as the graph grows; use identity_records)',
    columns: {
      source: 'Source of the record', record_id: 'Record id within the source', seen_at: 'Data timestamp of the record',
      component: 'Component label: the smallest node of the component (not stable; not a customer id)',
    },
    expect: [unique((m) => m.source + ':' + m.record_id)],
  });

  const registryRows = updateRegistry(members, p.previous('customer_registry', registrySchema));
  const registry = p.write(registryRows, {
    name: 'customer_registry',
    materialize: 'table',
    description: 'Every customer id ever minted: its anchor record, first seen time and status (active, or merged into another id)',
    columns: Object.fromEntries(Object.entries(registrySchema).map(([name, column]) => [name, column.description ?? ''])) as Record<keyof RegistryRow, string>,
    expect: [unique((r) => r.customer_id), unique((r) => r.anchor_source + ':' + r.anchor_record_id), notNull((r) => r.first_seen_at)],
  });

  const recordRows = recordsWithIds(members, registryRows);
  const records = p.write(recordRows, {
    name: 'identity_records',
    materialize: 'table',
    description: 'Every source record with at least one match key and its stable customer id',
    columns: { source: 'Source of the record', record_id: 'Record id within the source', seen_at: 'Data timestamp of the record', customer_id: 'Stable customer id (customer_registry)' },
    expect: [unique((r) => r.source + ':' + r.record_id), notNull((r) => r.customer_id)],
  });

  const aliases = p.write(aliasesOf(registryRows), {
    name: 'customer_id_aliases',
    materialize: 'table',
    description: 'Merge history: ids that merged into another customer, the active id they resolve to, when and why',
    columns: { alias_id: 'The merged (old) id', customer_id: 'The active id it resolves to', merged_at: 'Newest data timestamp of the customer when the merge was first seen', reason: 'Which anchors the identity graph linked' },
    expect: [unique((a) => a.alias_id)],
  });

  const stats = p.write(clusterStats(recordRows), {
    name: 'identity_cluster_stats',
    materialize: 'table',
    description: 'Cluster-size distribution of customers (records per customer); is_largest flags the largest cluster',
    columns: {
      cluster_size: 'Records per customer', customers: 'Customers with that many records', records: 'Records in those customers',
      example_customer_id: 'The smallest customer id of that size (see sluice explain-identity)', is_largest: 'True on the row of the largest cluster',
    },
  });

  return { records, recordKeys: keyTable, edges, blockedKeys: blocked, components, registry, aliases, clusterStats: stats };
}
