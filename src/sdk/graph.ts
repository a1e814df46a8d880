/**
 * The captured transform graph: what executing a pipeline module records.
 *
 * Nodes are plain data plus the original JS lambdas. The compiler translates the lambdas'
 * source (found at `site`) into SQL; the DirectRunner calls the lambdas themselves.
 */
import type { CallSite } from './callsite.js';
import type { SqlField } from './schema.js';

/** Type-erased lambda as stored in the graph. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFn = (...args: any[]) => any;

/**
 * Where a lambda's source sits: the SDK call at `site`, and which argument of it.
 * `arg` is the argument index; `prop` (when set) names a property of an object-literal
 * argument, e.g. `{ on: (l, r) => ... }`.
 */
export interface LambdaRef {
  readonly fn: AnyFn;
  readonly site: CallSite;
  /** The SDK method or function name called at `site` (`map`, `sum`, `unique`, ...). */
  readonly callee: string;
  readonly arg: number;
  readonly prop?: string;
}

export type AggKind =
  | 'count'
  | 'countIf'
  | 'countDistinct'
  | 'sum'
  | 'min'
  | 'max'
  | 'avg'
  | 'any'
  | 'arrayAgg'
  | 'first'
  | 'last'
  | 'latestNonNull';

/** One aggregate column: `g.sum(r => r.amount)` etc. */
export interface AggSpec {
  readonly kind: AggKind;
  /** The value lambda; absent for `count()`. */
  readonly value?: LambdaRef;
  /** Ordering lambda for first / last / latestNonNull / arrayAgg. */
  readonly order?: LambdaRef;
  /** `arrayAgg(..., { distinct: true })`. */
  readonly distinct?: boolean;
  readonly site: CallSite;
}

export type WindowKind = 'rowNumber' | 'rank' | 'lag' | 'lead' | 'runningSum' | 'runningCount';

/** One window column: `w.lag(r => r.amount, 1)` etc. */
export interface WindowSpec {
  readonly kind: WindowKind;
  readonly value?: LambdaRef;
  readonly offset?: number;
  readonly site: CallSite;
}

export type JoinType = 'inner' | 'left' | 'full';

interface NodeBase {
  readonly id: number;
  /** Hierarchical, unique, stable name: `customers/normalize/map`. */
  readonly name: string;
  readonly site: CallSite;
  readonly inputs: readonly GraphNode[];
}

/** Reads a declared source. */
export interface ReadSourceNode extends NodeBase {
  readonly kind: 'readSource';
  readonly source: string;
  readonly schema: readonly SqlField[];
}

/** Reads another model (by name), or the previous version of one. */
export interface ReadModelNode extends NodeBase {
  readonly kind: 'readModel';
  readonly model: string;
  /** True for `p.previous(...)`: the model's last materialized state, empty on the first run. */
  readonly previous: boolean;
  /** Declared schema, required for `previous` (a model cannot infer its own input). */
  readonly schema?: readonly SqlField[];
}

export interface MapNode extends NodeBase {
  readonly kind: 'map';
  readonly fn: LambdaRef;
}

export interface FilterNode extends NodeBase {
  readonly kind: 'filter';
  readonly fn: LambdaRef;
}

export interface FlatMapNode extends NodeBase {
  readonly kind: 'flatMap';
  readonly fn: LambdaRef;
}

export interface AggregateNode extends NodeBase {
  readonly kind: 'aggregate';
  /** Absent for a global aggregate. */
  readonly key?: LambdaRef;
  readonly aggs: Readonly<Record<string, AggSpec>>;
}

export interface JoinNode extends NodeBase {
  readonly kind: 'join';
  readonly joinType: JoinType;
  readonly on: LambdaRef;
  readonly select: LambdaRef;
}

export interface UnionNode extends NodeBase {
  readonly kind: 'union';
}

export interface DistinctNode extends NodeBase {
  readonly kind: 'distinct';
}

/** Keeps one row per key: the first by `order`. */
export interface DedupeNode extends NodeBase {
  readonly kind: 'dedupe';
  readonly key: LambdaRef;
  readonly order: LambdaRef;
}

/** Adds window-function columns to every row. */
export interface WindowNode extends NodeBase {
  readonly kind: 'window';
  readonly partition?: LambdaRef;
  readonly order: LambdaRef;
  readonly columns: Readonly<Record<string, WindowSpec>>;
}

/**
 * Gap-based sessions per key (Beam's Sessions windows). Adds `session_id`,
 * `session_start`, `session_end` and `session_index` (0-based position in the session).
 */
export interface SessionizeNode extends NodeBase {
  readonly kind: 'sessionize';
  readonly key: LambdaRef;
  readonly time: LambdaRef;
  readonly gapSeconds: number;
}

/**
 * Connected components of an edge list `{ src, dst }`: one `{ node, component }` row per
 * distinct node, `component` being the smallest node value of its component. Compiles to a
 * loop (a BigQuery script; the DuckDB runner drives the same statements).
 */
export interface ComponentsNode extends NodeBase {
  readonly kind: 'components';
  readonly maxRounds: number;
}

export type GraphNode =
  | ComponentsNode
  | ReadSourceNode
  | ReadModelNode
  | MapNode
  | FilterNode
  | FlatMapNode
  | AggregateNode
  | JoinNode
  | UnionNode
  | DistinctNode
  | DedupeNode
  | WindowNode
  | SessionizeNode;

export type NodeKind = GraphNode['kind'];

export type Materialization = 'view' | 'table';

/** A data test on a model's rows. */
export type ExpectationSpec =
  | { readonly kind: 'unique'; readonly value: LambdaRef }
  | { readonly kind: 'notNull'; readonly value: LambdaRef }
  | { readonly kind: 'acceptedValues'; readonly value: LambdaRef; readonly values: readonly unknown[] }
  | {
      readonly kind: 'relationships';
      readonly value: LambdaRef;
      readonly model: string;
      readonly modelValue: LambdaRef;
    }
  | { readonly kind: 'rowCondition'; readonly value: LambdaRef }
  | { readonly kind: 'rowCount'; readonly min?: number; readonly max?: number };

export interface Expectation {
  readonly spec: ExpectationSpec;
  readonly severity: 'error' | 'warn';
  readonly description?: string;
  readonly site: CallSite;
}

/** A model: a node written to the warehouse by `p.write`. */
export interface ModelSpec {
  readonly name: string;
  readonly pipeline: string;
  readonly node: GraphNode;
  readonly materialize: Materialization;
  readonly description?: string;
  readonly columns: Readonly<Record<string, string>>;
  readonly partitionBy?: string;
  readonly clusterBy: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  readonly expectations: readonly Expectation[];
  readonly site: CallSite;
}

/** A source as declared by `source(...)`. */
export interface SourceSpec {
  readonly name: string;
  readonly schema: readonly SqlField[];
  readonly description?: string;
  readonly site: CallSite;
}
