/**
 * What node evaluation needs from outside the graph: the rows of sources, of models built
 * earlier, and of previous model versions. The runner builds one Scope per run.
 */
import type { GraphNode } from '../../sdk/graph.js';
import type { Row } from '../../sdk/pcollection.js';

export type { Row };

/** Inputs of a direct run. Rows are plain objects in the JS representation of their schema. */
export interface DirectInputs {
  /** Rows of each declared source, by source name. A source read but not given is an error. */
  readonly sources: Readonly<Record<string, readonly Row[]>>;
  /** Previous materialized rows of models read with `p.previous(...)`; absent means empty (first run). */
  readonly previous?: Readonly<Record<string, readonly Row[]>>;
  /**
   * Rows standing in for models that none of the given pipelines define (upstream models in a
   * pipeline unit test). A name both given here and defined by a pipeline is an error.
   */
  readonly models?: Readonly<Record<string, readonly Row[]>>;
}

export interface Scope {
  readonly inputs: DirectInputs;
  /** Rows of a model already built (or given in `inputs.models`), else undefined. */
  modelRows(name: string): readonly Row[] | undefined;
  /** The node a model is written from, when a given pipeline defines it. */
  modelNode(name: string): GraphNode | undefined;
}

/** Evaluation services handed to each node's implementation. */
export interface NodeContext {
  readonly scope: Scope;
  /** Rows of a node (memoized per run). */
  rows(node: GraphNode): readonly Row[];
  /** Column names of a node's rows, derived without data when needed; undefined if unknowable. */
  fields(node: GraphNode): readonly string[] | undefined;
}
