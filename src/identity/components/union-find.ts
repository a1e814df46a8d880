/**
 * In-memory connected components (disjoint-set union with union by size and path halving):
 * the reference the SQL program is tested against, and what an in-memory runner uses.
 */

/** Disjoint sets over the integers 0..n-1. */
export class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;

  constructor(readonly n: number) {
    this.parent = new Int32Array(n);
    this.size = new Int32Array(n).fill(1);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }

  /** The representative of `x`'s set. */
  find(x: number): number {
    const parent = this.parent;
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  }

  /** Merges the sets of `a` and `b`. */
  union(a: number, b: number): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if (this.size[ra]! < this.size[rb]!) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra]! += this.size[rb]!;
  }
}

/**
 * Components of an edge list over any primitive node values: node → the smallest node of its
 * component (by `<`), the same naming the SQL program publishes. Edges with a null end are ignored.
 */
export function componentsOf<T extends string | number | bigint>(edges: Iterable<readonly [T | null, T | null]>): Map<T, T> {
  const index = new Map<T, number>();
  const values: T[] = [];
  const id = (v: T) => {
    let i = index.get(v);
    if (i === undefined) {
      i = values.length;
      index.set(v, i);
      values.push(v);
    }
    return i;
  };
  const pairs: number[] = [];
  for (const [a, b] of edges) if (a !== null && b !== null) pairs.push(id(a), id(b));
  const uf = new UnionFind(values.length);
  for (let i = 0; i < pairs.length; i += 2) uf.union(pairs[i]!, pairs[i + 1]!);
  const smallest = new Map<number, T>();
  values.forEach((v, i) => {
    const root = uf.find(i);
    const cur = smallest.get(root);
    if (cur === undefined || v < cur) smallest.set(root, v);
  });
  return new Map(values.map((v, i) => [v, smallest.get(uf.find(i))!]));
}
