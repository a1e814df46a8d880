/**
 * Evaluates graph nodes: dispatches each node kind to its implementation in `nodes/` and
 * memoizes results, so a collection used by several steps or models is computed once per run.
 */
import type { GraphNode } from '../../sdk/graph.js';
import { deriveFields } from './fields.js';
import { aggregate } from './nodes/aggregate.js';
import { components } from './nodes/components.js';
import { dedupe } from './nodes/dedupe.js';
import { join } from './nodes/join.js';
import { readModel, readSource } from './nodes/read.js';
import { distinct, filter, flatMap, map, union } from './nodes/rowwise.js';
import { sessionize } from './nodes/sessionize.js';
import { windowNode } from './nodes/window.js';
import type { NodeContext, Row, Scope } from './scope.js';

type Impl<K extends GraphNode['kind']> = (node: Extract<GraphNode, { kind: K }>, ctx: NodeContext) => Row[];

const impls: { [K in GraphNode['kind']]: Impl<K> } = {
  readSource,
  readModel,
  map,
  filter,
  flatMap,
  aggregate,
  join,
  union,
  distinct,
  dedupe,
  window: windowNode,
  sessionize,
  components,
};

/** A memoizing evaluator over one scope (one run). */
export function createContext(scope: Scope): NodeContext {
  const rowCache = new Map<GraphNode, readonly Row[]>();
  const fieldCache = new Map<GraphNode, readonly string[] | undefined>();
  const ctx: NodeContext = {
    scope,
    rows(node) {
      let rows = rowCache.get(node);
      if (!rows) {
        rows = (impls[node.kind] as Impl<GraphNode['kind']>)(node, ctx);
        rowCache.set(node, rows);
      }
      return rows;
    },
    fields(node) {
      if (!fieldCache.has(node)) fieldCache.set(node, deriveFields(node, ctx));
      return fieldCache.get(node);
    },
  };
  return ctx;
}
