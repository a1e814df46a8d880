/**
 * The few places where the connected-components SQL differs between engines.
 * Everything else is standard SQL that both DuckDB and GoogleSQL accept as written.
 */
import type { Quoting } from '../ir/program.js';

export interface ComponentsDialect {
  readonly name: string;
  /** Default quoting; callers may pass the compiler dialect's quoting instead. */
  readonly quoting: Quoting;
  /** The 64-bit integer type name, for typed empty tables. */
  readonly int64: string;
  /**
   * A well-mixed signed 64-bit hash of a node value of any type: the node's working label.
   * Labels are compared by it, so their order is unrelated to how ids were assigned
   * (adversarial id orders cannot slow convergence), and no sort is needed to assign them.
   * The two engines hash differently; components are identical sets anyway, and the
   * published component name (the smallest node value) does not depend on the hash.
   */
  hash(expr: string): string;
}
