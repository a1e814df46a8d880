import { captureCallSite } from './callsite.js';
import { SluiceError } from './errors.js';
import type { PCollection } from './pcollection.js';

/** An undirected edge between two nodes. */
export interface Edge<K> {
  src: K | null;
  dst: K | null;
}

/** A node and the component it belongs to: the smallest node value of the component. */
export interface ComponentRow<K> {
  node: K;
  component: K;
}

export interface ComponentsOptions {
  /**
   * Rounds before the run fails loudly instead of returning a half-converged result.
   * Rounds grow with the logarithm of the longest path; the default 64 covers any real graph.
   */
  maxRounds?: number;
}

/**
 * Connected components of an undirected graph given as edges (Beam-style composite; SQL has
 * no recursion that can do this, so it compiles to a loop of hooking and pointer-jumping
 * rounds: O(log n) rounds, a BigQuery script or a DuckDB-driven loop). An edge with a NULL end
 * adds only its other end, as an isolated node unless other edges connect it.
 */
export function connectedComponents<K extends string | number>(
  edges: PCollection<Edge<K>>,
  options: ComponentsOptions = {},
): PCollection<ComponentRow<K>> {
  const site = captureCallSite();
  const maxRounds = options.maxRounds ?? 64;
  if (!Number.isInteger(maxRounds) || maxRounds < 1) throw new SluiceError(`maxRounds must be a positive integer, got ${maxRounds}`, site);
  return edges.derive<ComponentRow<K>>({ kind: 'components', site, inputs: [edges.node], maxRounds });
}
