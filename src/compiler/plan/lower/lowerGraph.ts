/**
 * Lowers a model's graph into relational IR, node by node (one module per node kind).
 */
import type { GraphNode } from '../../../sdk/graph.js';
import type { Rel } from '../../ir/rel.js';
import type { PlanEnv } from '../api.js';
import { lowerAggregate } from './aggregate.js';
import { lowerComponents } from './components.js';
import type { LowerContext } from './context.js';
import { lowerDedupe } from './dedupe.js';
import { lowerDistinct } from './distinct.js';
import { lowerFilter } from './filter.js';
import { lowerFlatMap } from './flatMap.js';
import { lowerJoin } from './join.js';
import { lowerMap } from './map.js';
import { lowerReadModel, lowerReadSource } from './read.js';
import { lowerSessionize } from './sessionize.js';
import { lowerUnion } from './union.js';
import { lowerWindow } from './window.js';

function lowerNode(node: GraphNode, ctx: LowerContext): Rel {
  switch (node.kind) {
    case 'readSource':
      return lowerReadSource(node);
    case 'readModel':
      return lowerReadModel(node, ctx);
    case 'map':
      return lowerMap(node, ctx);
    case 'filter':
      return lowerFilter(node, ctx);
    case 'flatMap':
      return lowerFlatMap(node, ctx);
    case 'aggregate':
      return lowerAggregate(node, ctx);
    case 'join':
      return lowerJoin(node, ctx);
    case 'union':
      return lowerUnion(node, ctx);
    case 'distinct':
      return lowerDistinct(node, ctx);
    case 'dedupe':
      return lowerDedupe(node, ctx);
    case 'window':
      return lowerWindow(node, ctx);
    case 'sessionize':
      return lowerSessionize(node, ctx);
    case 'components':
      return lowerComponents(node, ctx);
  }
}

/**
 * Lowers the graph feeding `root`. Each node is lowered once, so a collection consumed twice
 * (a self-join, a union of two branches) becomes one shared Rel object; an input that another
 * model materializes (`env.materializedAs`) becomes a scan of that model instead.
 */
export function lowerGraph(root: GraphNode, env: PlanEnv): Rel {
  const memo = new Map<number, Rel>();
  const ctx: LowerContext = {
    env,
    input(node) {
      const cached = memo.get(node.id);
      if (cached) return cached;
      const model = env.materializedAs?.(node);
      const rel: Rel = model
        ? { k: 'scan', table: { kind: 'model', name: model }, schema: env.modelSchema(model, node.site), origin: { name: node.name, site: node.site } }
        : lowerNode(node, ctx);
      memo.set(node.id, rel);
      return rel;
    },
  };
  return lowerNode(root, ctx);
}
