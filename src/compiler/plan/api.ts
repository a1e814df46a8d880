/**
 * The planner's contract with the compile driver: a model's graph in, relational IR out.
 */
import type { Expectation, GraphNode, ModelSpec } from '../../sdk/graph.js';
import type { SqlField } from '../../sdk/schema.js';
import type { CallSite } from '../../sdk/callsite.js';
import type { Rel } from '../ir/rel.js';
import type { Translator } from '../translate/api.js';

export interface PlanEnv {
  readonly translator: Translator;
  /** Output schema of another (already planned) model; throws a SluiceError at `site` if unknown. */
  modelSchema(name: string, site: CallSite): readonly SqlField[];
  /**
   * When another model is written from `node` (a collection reused inside one pipeline),
   * its name: lower the node as a scan of that model instead of recomputing it.
   */
  materializedAs?(node: GraphNode): string | undefined;
}

export interface ModelPlanner {
  /** Lowers the graph feeding `model.node` into relational IR (unoptimized). */
  plan(model: ModelSpec, env: PlanEnv): Rel;
  /** The query returning rows that violate `expectation` on a model with `columns`. */
  planExpectation(expectation: Expectation, model: { name: string; columns: readonly SqlField[] }, env: PlanEnv): Rel;
  /** Runs the passes: fuse map/filter chains, push predicates down, prune columns. */
  optimize(rel: Rel): Rel;
}
