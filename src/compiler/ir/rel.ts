/**
 * Relational IR: dialect-neutral, immutable trees, one per model.
 *
 * Every node knows its output columns (`schema`) and where it came from (`origin`: the
 * transform's hierarchical name and call site), so emitted SQL can cite the TypeScript.
 * After the planner's passes, each non-scan node is one SELECT block: `project`,
 * `aggregate` and `window` carry an optional `where` applied to their input first.
 */
import type { CallSite } from '../../sdk/callsite.js';
import type { JoinType } from '../../sdk/graph.js';
import type { SqlField } from '../../sdk/schema.js';
import type { Expr, NamedExpr, OrderItem } from './expr.js';

export interface Origin {
  /** Hierarchical transform name, e.g. `customers/normalize/map`. */
  readonly name: string;
  readonly site: CallSite;
}

/** What a scan reads. Dialects resolve these to physical names via their bindings. */
export type TableRef =
  | { readonly kind: 'source'; readonly name: string }
  | { readonly kind: 'model'; readonly name: string; readonly previous?: boolean }
  /** A temporary table created earlier in the same model's program. */
  | { readonly kind: 'temp'; readonly name: string };

export type AggFn =
  | 'count_star'
  | 'count'
  | 'count_if'
  | 'count_distinct'
  | 'sum'
  | 'min'
  | 'max'
  | 'avg'
  | 'any_value'
  | 'array_agg'
  | 'first'
  | 'last'
  | 'latest_non_null';

export interface AggCall {
  readonly name: string;
  readonly fn: AggFn;
  /** The value; absent for count_star. */
  readonly arg?: Expr;
  /** Ordering for first / last / latest_non_null / array_agg. */
  readonly order?: readonly OrderItem[];
  readonly distinct?: boolean;
  readonly site: CallSite;
}

export type WindowFn =
  | 'row_number'
  | 'rank'
  | 'lag'
  | 'lead'
  | 'running_sum'
  | 'running_count'
  /** Over the whole partition, ignoring the order (session bounds). */
  | 'partition_min'
  | 'partition_max';

export interface WindowCall {
  readonly name: string;
  readonly fn: WindowFn;
  readonly arg?: Expr;
  readonly offset?: number;
  readonly site: CallSite;
}

interface RelBase {
  readonly schema: readonly SqlField[];
  readonly origin: Origin;
}

export type Rel =
  | (RelBase & { readonly k: 'scan'; readonly table: TableRef })
  /** SELECT columns FROM input [WHERE where]. A plain filter is a project of every column. */
  | (RelBase & { readonly k: 'project'; readonly input: Rel; readonly columns: readonly NamedExpr[]; readonly where?: Expr })
  /** SELECT keys, aggs FROM input [WHERE where] GROUP BY keys (no keys: one row). */
  | (RelBase & {
      readonly k: 'aggregate';
      readonly input: Rel;
      readonly keys: readonly NamedExpr[];
      readonly aggs: readonly AggCall[];
      readonly where?: Expr;
    })
  /**
   * SELECT columns FROM left JOIN right ON on. Expressions read `col` with rel 'left' / 'right'.
   */
  | (RelBase & {
      readonly k: 'join';
      readonly left: Rel;
      readonly right: Rel;
      readonly joinType: JoinType;
      readonly on: Expr;
      readonly columns: readonly NamedExpr[];
    })
  /** UNION ALL of inputs with identical column names (in `schema` order). */
  | (RelBase & { readonly k: 'union'; readonly inputs: readonly Rel[] })
  | (RelBase & { readonly k: 'distinct'; readonly input: Rel })
  /**
   * SELECT *, window columns FROM input [WHERE where] [QUALIFY qualify].
   * `qualify` may read the window columns as `col` (dedupe keeps row_number = 1 this way).
   * Output columns are `schema`: window columns missing from it are helpers for `qualify`.
   */
  | (RelBase & {
      readonly k: 'window';
      readonly input: Rel;
      readonly partition: readonly Expr[];
      readonly order: readonly OrderItem[];
      readonly columns: readonly WindowCall[];
      readonly where?: Expr;
      readonly qualify?: Expr;
    })
  /**
   * SELECT columns FROM input, UNNEST(array) — one row per element. Columns read the
   * element with `elem` / `elem_offset` and the input row with `col`.
   */
  | (RelBase & {
      readonly k: 'unnest';
      readonly input: Rel;
      readonly array: Expr;
      readonly columns: readonly NamedExpr[];
      readonly where?: Expr;
    })
  /**
   * Connected components of the input's (src, dst) edges → (node, component). Not a SELECT:
   * the compile driver turns it into a loop program and replaces it with a scan of a temp table.
   */
  | (RelBase & { readonly k: 'components'; readonly input: Rel; readonly maxRounds: number });

export type RelKind = Rel['k'];

/** The direct inputs of a node. */
export function relInputs(rel: Rel): readonly Rel[] {
  switch (rel.k) {
    case 'scan':
      return [];
    case 'join':
      return [rel.left, rel.right];
    case 'union':
      return rel.inputs;
    default:
      return [rel.input];
  }
}
