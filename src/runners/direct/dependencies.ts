/** Which models a model reads, and an order that builds every model after those it reads. */
import { SluiceError } from '../../sdk/errors.js';
import type { GraphNode, ModelSpec, ReadModelNode } from '../../sdk/graph.js';

/** The readModel nodes (current versions, not `previous`) feeding `node`. */
export function modelReads(node: GraphNode): ReadModelNode[] {
  const seen = new Set<GraphNode>();
  const reads: ReadModelNode[] = [];
  const visit = (n: GraphNode): void => {
    if (seen.has(n)) return;
    seen.add(n);
    if (n.kind === 'readModel' && !n.previous) reads.push(n);
    n.inputs.forEach(visit);
  };
  visit(node);
  return reads;
}

/**
 * Orders `models` so each comes after the models it reads; otherwise keeps the given order.
 * Reads of names in `given` (rows supplied by the caller) need no model. Throws a SluiceError
 * for a read of an unknown model (at the read) or a cycle (naming its path).
 */
export function buildOrder(models: readonly ModelSpec[], given: ReadonlySet<string>): ModelSpec[] {
  const byName = new Map(models.map((m) => [m.name, m]));
  const state = new Map<string, 'visiting' | 'done'>();
  const order: ModelSpec[] = [];
  const visit = (model: ModelSpec, path: readonly string[]): void => {
    const seen = state.get(model.name);
    if (seen === 'done') return;
    if (seen === 'visiting') {
      const cycle = [...path.slice(path.indexOf(model.name)), model.name].join(' → ');
      throw new SluiceError(`models read each other in a cycle: ${cycle}`, model.site, 'use p.previous(...) to read a model\'s last version instead');
    }
    state.set(model.name, 'visiting');
    for (const read of modelReads(model.node)) {
      const dep = byName.get(read.model);
      if (dep) visit(dep, [...path, model.name]);
      else if (!given.has(read.model)) {
        const known = [...byName.keys()].sort().join(', ') || 'none';
        throw new SluiceError(`model '${model.name}' reads unknown model '${read.model}' (models defined: ${known})`, read.site);
      }
    }
    state.set(model.name, 'done');
    order.push(model);
  };
  for (const model of models) visit(model, []);
  return order;
}
