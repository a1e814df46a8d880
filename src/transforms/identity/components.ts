/**
 * Customers as connected components of the bipartite record ↔ key graph. Nodes are strings:
 * `r:<source>:<record id>` for records and `k:<key type>:<value>` for keys; a record whose
 * keys were all dropped joins with a NULL end, so it still forms a component of its own.
 */
import { connectedComponents, type PCollection } from '../../sdk/index.js';
import type { IdentityEdge, IdentityNode } from './types.js';

/** A record and the label of its component (the smallest node; not a customer id). */
export type ComponentMember = IdentityNode & {
  component: string;
};

/** Assigns every node of the graph to its component. */
export function componentsOf(nodes: PCollection<IdentityNode>, edges: PCollection<IdentityEdge>, maxRounds: number): PCollection<ComponentMember> {
  const links = edges
    .map((e) => ({ src: 'r:' + e.source + ':' + e.record_id, dst: ('k:' + e.key_type + ':' + e.key_value) as string | null }))
    .union(nodes.map((n) => ({ src: 'r:' + n.source + ':' + n.record_id, dst: null as string | null })));
  const labels = connectedComponents(links, { maxRounds }).filter((c) => c.node.startsWith('r:'));
  return nodes.join(labels, {
    on: (n, c) => 'r:' + n.source + ':' + n.record_id === c.node,
    select: (n, c) => ({ source: n.source, record_id: n.record_id, seen_at: n.seen_at, component: c.component }),
  });
}
