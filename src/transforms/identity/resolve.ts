/**
 * `resolveIdentities`: the identity-resolution composite. Source rows with match keys in,
 * the identity models out (graph edges, blocked-key audit, components, registry, aliases,
 * record → customer id, cluster statistics).
 */
import { SluiceError, notNull, unique, type Model, type PCollection, type PipelineBuilder } from '../../sdk/index.js';
import { captureCallSite } from '../../sdk/callsite.js';
import { componentsOf, type ComponentMember } from './components.js';
import { blockedKeys, graphNodes, keyCandidates, keptEdges, recordKeys, type BlockedKey, type RecordKey } from './graph.js';
import { aliasesOf, clusterStats, recordsWithIds, type AliasRow, type ClusterSizeRow, type IdentityRecord } from './outputs.js';
import { registrySchema, updateRegistry } from './registry.js';
import type { IdentityEdge, IdentityInput, JudgedKey, KeyCandidate, RegistryRow } from './types.js';

export interface IdentityOptions {
  /** One collection per source, mapped to {@link IdentityInput} (same columns in each). */
  readonly records: readonly PCollection<IdentityInput>[];
  /**
   * Decides which keys may link records: return the candidates with `drop_reason` set
   * (null keeps the key). Write it as a map in the pipeline file, so its lambda compiles:
   * `(keys) => keys.map((k) => ({ ...k, drop_reason: dropReason(k) }))`.
   */
  readonly judgeKeys: (keys: PCollection<KeyCandidate>) => PCollection<JudgedKey>;
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
export function resolveIdentities(p: PipelineBuilder, options: IdentityOptions): IdentityModels {
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

  const judged = options.judgeKeys(keyCandidates(keys));
  const blocked = p.write(blockedKeys(judged), {
    name: 'identity_blocked_keys',
    materialize: 'table',
    description: 'Keys that may not link records (blocklists, patterns, degree caps), with their degree: over-merge protection, audited',
    columns: { key_type: 'Key type', key_value: 'Normalized key value', degree: 'Distinct records carrying the key', reason: 'Why it was dropped' },
    expect: [unique((k) => k.key_type + ':' + k.key_value)],
  });

  const edgeRows = keptEdges(keys, judged);
  const edges = p.write(edgeRows, {
    name: 'identity_edges',
    materialize: 'table',
    description: 'Record ↔ key edges of the identity graph kept after blocking: why records are one customer',
    columns: { source: 'Source of the record', record_id: 'Record id within the source', key_type: 'Key type', key_value: 'Normalized key value', rule: 'Rule that produced the key' },
  });

  const members = componentsOf(graphNodes(keys), edgeRows, options.maxRounds ?? 64);
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
