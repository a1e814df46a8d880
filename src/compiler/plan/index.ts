/**
 * The planner: lowers a model's captured graph into relational IR, plans expectation queries,
 * and optimizes IR. See ./api.ts for the contract.
 */
import type { ModelPlanner } from './api.js';
import { planExpectation } from './expect/planExpectation.js';
import { lowerGraph } from './lower/lowerGraph.js';
import { optimize } from './passes/optimize.js';

export type { ModelPlanner, PlanEnv } from './api.js';

/** Creates the planner used by the compile driver. */
export function createPlanner(): ModelPlanner {
  return {
    plan: (model, env) => lowerGraph(model.node, env),
    planExpectation,
    optimize,
  };
}
