/**
 * Hand-built graph nodes and a plan environment for lowering tests.
 */
import type { GraphNode, ModelSpec } from '../../../../src/sdk/graph.js';
import type { SqlField } from '../../../../src/sdk/schema.js';
import { SluiceError } from '../../../../src/sdk/errors.js';
import type { PlanEnv } from '../../../../src/compiler/plan/api.js';
import type { Translator } from '../../../../src/compiler/translate/api.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

let nextId = 1000;

/** A node with a fresh id, a name `t/<kind>_<id>` and a site on line = id. */
export function node<N extends DistributiveOmit<GraphNode, 'id' | 'name' | 'site'>>(init: N): GraphNode {
  const id = nextId++;
  return { ...init, id, name: `t/${init.kind}_${id}`, site: { file: 'pipeline.ts', line: id, column: 3 } } as unknown as GraphNode;
}

export function readSource(source: string, schema: readonly SqlField[]): GraphNode {
  return node({ kind: 'readSource', inputs: [], source, schema });
}

export function model(root: GraphNode, name = 'm'): ModelSpec {
  return { name, pipeline: 't', node: root, materialize: 'view', columns: {}, clusterBy: [], labels: {}, expectations: [], site: root.site };
}

/** An environment knowing the given models' schemas. */
export function env(translator: Translator, models: Record<string, readonly SqlField[]> = {}, materialized?: Map<GraphNode, string>): PlanEnv {
  return {
    translator,
    modelSchema(name, site) {
      const schema = models[name];
      if (!schema) throw new SluiceError(`unknown model '${name}'`, site);
      return schema;
    },
    ...(materialized ? { materializedAs: (n: GraphNode) => materialized.get(n) } : {}),
  };
}
