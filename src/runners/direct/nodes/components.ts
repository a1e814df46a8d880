/** Connected components with a union-find: the specification the SQL loop must match. */
import type { ComponentsNode } from '../../../sdk/graph.js';
import { compareValues } from '../compare.js';
import type { NodeContext, Row } from '../scope.js';

type Key = string | number;

/**
 * `{ node, component }` for every non-null end of the edges; `component` is the smallest node
 * of the component (SQL MIN order). An edge with a NULL end contributes only its other end.
 */
export function componentRows(edges: readonly Row[]): Row[] {
  const parent = new Map<Key, Key>();
  const find = (x: Key): Key => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let y = x; y !== root; ) {
      const next = parent.get(y)!;
      parent.set(y, root);
      y = next;
    }
    return root;
  };
  const add = (x: unknown): x is Key => {
    if (x === null || x === undefined) return false;
    if (!parent.has(x as Key)) parent.set(x as Key, x as Key);
    return true;
  };
  for (const { src, dst } of edges) {
    const [a, b] = [add(src), add(dst)];
    if (!a || !b) continue;
    const [ra, rb] = [find(src as Key), find(dst as Key)];
    // Keep the smaller node as root, so the root is the component's minimum.
    if (ra !== rb) compareValues(ra, rb) < 0 ? parent.set(rb, ra) : parent.set(ra, rb);
  }
  return [...parent.keys()].map((node) => ({ node, component: find(node) }));
}

export function components(node: ComponentsNode, ctx: NodeContext): Row[] {
  return componentRows(ctx.rows(node.inputs[0]!));
}
