/**
 * The optimization pipeline: fuse, push predicates down, fuse what pushdown exposed, prune
 * columns, and fuse once more to drop the no-op SELECTs pruning leaves behind.
 * Every pass is a pure function Rel → Rel that keeps each node's schema and origin correct.
 */
import type { Rel } from '../../ir/rel.js';
import { fuse } from './fuse.js';
import { prune } from './prune.js';
import { pushdown } from './pushdown.js';

export function optimize(rel: Rel): Rel {
  return fuse(prune(fuse(pushdown(fuse(rel)))));
}
