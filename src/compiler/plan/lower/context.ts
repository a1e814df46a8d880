/**
 * What each node lowering receives: the environment and a way to lower its inputs.
 */
import type { GraphNode } from '../../../sdk/graph.js';
import type { Origin, Rel } from '../../ir/rel.js';
import type { PlanEnv } from '../api.js';

export interface LowerContext {
  readonly env: PlanEnv;
  /** Lowers an input node (memoized: a node feeding two consumers yields one shared Rel). */
  input(node: GraphNode): Rel;
}

/** The origin recorded on every Rel a node lowers to. */
export function originOf(node: GraphNode): Origin {
  return { name: node.name, site: node.site };
}

/** The single input of a one-input node, lowered. */
export function onlyInput(node: GraphNode, ctx: LowerContext): Rel {
  const input = node.inputs[0];
  if (!input || node.inputs.length !== 1) {
    throw new Error(`planner: ${node.kind} node '${node.name}' must have exactly one input, has ${node.inputs.length}`);
  }
  return ctx.input(input);
}
