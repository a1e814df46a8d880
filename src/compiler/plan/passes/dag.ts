/**
 * Rel trees may share sub-trees (one collection feeding two consumers lowers to one object).
 * Passes use these helpers to keep sharing intact and never rewrite a shared node for the
 * benefit of one parent.
 */
import { relInputs, type Rel } from '../../ir/rel.js';

/** How many parents reference each node (the root has 0). */
export function parentCounts(root: Rel): Map<Rel, number> {
  const counts = new Map<Rel, number>([[root, 0]]);
  const visit = (rel: Rel) => {
    for (const input of relInputs(rel)) {
      const seen = counts.has(input);
      counts.set(input, (counts.get(input) ?? 0) + 1);
      if (!seen) visit(input);
    }
  };
  visit(root);
  return counts;
}

/** Nodes ordered so that every node comes before its inputs (parents first). */
export function parentsFirst(root: Rel): Rel[] {
  const order: Rel[] = [];
  const done = new Set<Rel>();
  const visit = (rel: Rel) => {
    if (done.has(rel)) return;
    done.add(rel);
    relInputs(rel).forEach(visit);
    order.push(rel);
  };
  visit(root);
  return order.reverse();
}

/**
 * Rebuilds a tree bottom-up: `rewrite` receives a node whose inputs were already rewritten.
 * Each original node is rewritten once, so shared sub-trees stay shared.
 */
export function rewriteBottomUp(root: Rel, rewrite: (rel: Rel, original: Rel) => Rel): Rel {
  const memo = new Map<Rel, Rel>();
  const visit = (rel: Rel): Rel => {
    const cached = memo.get(rel);
    if (cached) return cached;
    const result = rewrite(withInputs(rel, relInputs(rel).map(visit)), rel);
    memo.set(rel, result);
    return result;
  };
  return visit(root);
}

/** The same node over new inputs (the node itself when they are unchanged). */
export function withInputs(rel: Rel, inputs: readonly Rel[]): Rel {
  const old = relInputs(rel);
  if (old.length === inputs.length && old.every((r, i) => r === inputs[i])) return rel;
  switch (rel.k) {
    case 'scan':
      return rel;
    case 'join':
      return { ...rel, left: inputs[0]!, right: inputs[1]! };
    case 'union':
      return { ...rel, inputs };
    default:
      return { ...rel, input: inputs[0]! };
  }
}
