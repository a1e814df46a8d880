/**
 * PCollection<T>: an immutable, typed collection of rows in a pipeline graph (Beam's
 * PCollection). Every transform records a node and returns a new PCollection; nothing runs
 * until a runner or the compiler takes the graph.
 */
import { groupRecorder, lambdaRef, windowRecorder, type Group, type WindowFns } from './builders.js';
import { captureCallSite } from './callsite.js';
import type { NodeInit, PipelineContext } from './context.js';
import { SluiceError } from './errors.js';
import type { AggSpec, AnyFn, GraphNode, JoinType, WindowSpec } from './graph.js';
import type { Ordering } from './ordering.js';

/** Every field of `T` made nullable: the unmatched side of an outer join. */
export type Nullable<T> = { [K in keyof T]: T[K] | null };

/** A plain row object type. */
export type Row = Record<string, unknown>;

type LeftOf<T, J extends JoinType> = J extends 'full' ? Nullable<T> : T;
type RightOf<T, J extends JoinType> = J extends 'inner' ? T : Nullable<T>;

/** Options of {@link PCollection.join}. */
export interface JoinOptions<L, R, J extends JoinType, O> {
  /** `inner` (default), `left` or `full`. Unmatched sides arrive with every field null. */
  type?: J;
  /** The join condition, usually key equalities: `(l, r) => l.id === r.customer_id`. */
  on: (left: L, right: R) => boolean;
  /** Builds the output row from both sides. */
  select: (left: LeftOf<L, J>, right: RightOf<R, J>) => O;
}

/** Options of {@link PCollection.dedupe}. */
export interface DedupeOptions<T> {
  /** One row is kept per key. Return an object to key on several fields. */
  key: (row: T) => unknown;
  /** The kept row is the first by this ordering: `r => desc(r.updated_at)` keeps the latest. */
  order: (row: T) => Ordering;
}

/** Options of {@link PCollection.window}. */
export interface WindowOptions<T> {
  /** Rows are numbered / lagged within partitions of this key; omit for one partition. */
  partitionBy?: (row: T) => unknown;
  /** The order within a partition. Include a unique tiebreaker for deterministic results. */
  orderBy: (row: T) => Ordering;
}

/** Options of {@link PCollection.sessionize}. */
export interface SessionOptions<T> {
  /** Sessions are per key (user, device, ...). */
  key: (row: T) => string | number | null;
  /** The event time. */
  time: (row: T) => Date;
  /** A gap longer than this many seconds starts a new session. */
  gapSeconds: number;
}

/** Columns that {@link PCollection.sessionize} adds. */
export interface SessionColumns {
  /** Deterministic id: the key and the session start. */
  session_id: string;
  session_start: Date;
  session_end: Date;
  /** 0-based position of the row within its session. */
  session_index: number;
}

/** The result of `groupBy`: call `aggregate` to produce one row per key. */
export class Grouped<T, K> {
  constructor(
    private readonly input: PCollection<T>,
    private readonly key: AnyFn,
    private readonly keySite: ReturnType<typeof captureCallSite>,
  ) {}

  /**
   * One row per key: the key's fields (an object key spreads into columns; any other key
   * becomes the column `key`) followed by the aggregates.
   */
  aggregate<A extends Row>(build: (g: Group<T>) => A): PCollection<KeyColumns<K> & A> {
    const site = captureCallSite();
    return this.input.derive<KeyColumns<K> & A>({
      kind: 'aggregate',
      site,
      inputs: [this.input.node],
      key: lambdaRef(this.key, 'groupBy', 0, this.keySite),
      aggs: recordAggs(build(groupRecorder<T>()), site),
    });
  }
}

/** Columns contributed by a group key. */
export type KeyColumns<K> = K extends Row ? K : { key: K };

function recordAggs(result: unknown, site: ReturnType<typeof captureCallSite>): Record<string, AggSpec> {
  if (typeof result !== 'object' || result === null || Array.isArray(result)) {
    throw new SluiceError('aggregate(g => ...) must return an object literal of aggregates', site);
  }
  for (const [name, spec] of Object.entries(result)) {
    if (typeof spec !== 'object' || spec === null || !('kind' in spec)) {
      throw new SluiceError(
        `aggregate column '${name}' is not an aggregator`,
        site,
        'each value must be a call on g, such as g.count() or g.sum(r => r.amount)',
      );
    }
  }
  return result as Record<string, AggSpec>;
}

export class PCollection<T> {
  /** Phantom field carrying the row type. */
  declare readonly __row: T;

  /** @internal Created by the pipeline; users never construct one. */
  constructor(
    readonly ctx: PipelineContext,
    readonly node: GraphNode,
  ) {}

  /** @internal Adds a node fed by this collection. */
  derive<U>(init: NodeInit, explicitName?: string): PCollection<U> {
    return new PCollection<U>(this.ctx, this.ctx.add(init, explicitName));
  }

  /** Transforms each row: `r => ({ email: r.email.trim().toLowerCase() })`. */
  map<U extends Row>(fn: (row: T) => U): PCollection<U> {
    const site = captureCallSite();
    return this.derive<U>({ kind: 'map', site, inputs: [this.node], fn: lambdaRef(fn, 'map', 0, site) });
  }

  /** Keeps rows for which `fn` is true. */
  filter(fn: (row: T) => boolean): PCollection<T> {
    const site = captureCallSite();
    return this.derive<T>({ kind: 'filter', site, inputs: [this.node], fn: lambdaRef(fn, 'filter', 0, site) });
  }

  /**
   * Zero or more output rows per input row (SQL UNNEST). Return `array.map(x => ({...}))` over
   * an array column or `split`, or an array literal of row objects.
   */
  flatMap<U extends Row>(fn: (row: T) => readonly U[]): PCollection<U> {
    const site = captureCallSite();
    return this.derive<U>({ kind: 'flatMap', site, inputs: [this.node], fn: lambdaRef(fn, 'flatMap', 0, site) });
  }

  /** Groups rows by a key; follow with `.aggregate(g => ...)`. */
  groupBy<K>(key: (row: T) => K): Grouped<T, K> {
    return new Grouped<T, K>(this, key, captureCallSite());
  }

  /** One row aggregating the whole collection (SQL aggregate without GROUP BY). */
  aggregate<A extends Row>(build: (g: Group<T>) => A): PCollection<A> {
    const site = captureCallSite();
    return this.derive<A>({ kind: 'aggregate', site, inputs: [this.node], aggs: recordAggs(build(groupRecorder<T>()), site) });
  }

  /** Joins with another collection; see {@link JoinOptions}. */
  join<R, O extends Row, J extends JoinType = 'inner'>(right: PCollection<R>, options: JoinOptions<T, R, J, O>): PCollection<O> {
    const site = captureCallSite();
    this.sameGraph(right, site);
    return this.derive<O>({
      kind: 'join',
      site,
      inputs: [this.node, right.node],
      joinType: options.type ?? ('inner' as J),
      on: { ...lambdaRef(options.on, 'join', 1, site), prop: 'on' },
      select: { ...lambdaRef(options.select, 'join', 1, site), prop: 'select' },
    });
  }

  /** Concatenates collections with the same columns (Beam's Flatten; SQL UNION ALL). */
  union(...others: PCollection<T>[]): PCollection<T> {
    const site = captureCallSite();
    for (const other of others) this.sameGraph(other, site);
    return this.derive<T>({ kind: 'union', site, inputs: [this.node, ...others.map((o) => o.node)] });
  }

  /** Removes duplicate rows. */
  distinct(): PCollection<T> {
    return this.derive<T>({ kind: 'distinct', site: captureCallSite(), inputs: [this.node] });
  }

  /** Keeps one row per key, the first by `order`. */
  dedupe(options: DedupeOptions<T>): PCollection<T> {
    const site = captureCallSite();
    return this.derive<T>({
      kind: 'dedupe',
      site,
      inputs: [this.node],
      key: { ...lambdaRef(options.key, 'dedupe', 0, site), prop: 'key' },
      order: { ...lambdaRef(options.order, 'dedupe', 0, site), prop: 'order' },
    });
  }

  /** Adds window values (row number, lag, lead, running sums) to every row. */
  window<W extends Row>(options: WindowOptions<T>, build: (w: WindowFns<T>) => W): PCollection<T & W> {
    const site = captureCallSite();
    const columns = build(windowRecorder<T>()) as unknown as Record<string, WindowSpec>;
    return this.derive<T & W>({
      kind: 'window',
      site,
      inputs: [this.node],
      ...(options.partitionBy ? { partition: { ...lambdaRef(options.partitionBy, 'window', 0, site), prop: 'partitionBy' } } : {}),
      order: { ...lambdaRef(options.orderBy, 'window', 0, site), prop: 'orderBy' },
      columns,
    });
  }

  /** Groups each key's rows into gap-based sessions (Beam's Sessions windows); see {@link SessionColumns}. */
  sessionize(options: SessionOptions<T>): PCollection<T & SessionColumns> {
    const site = captureCallSite();
    if (!(options.gapSeconds > 0)) throw new SluiceError('sessionize gapSeconds must be a positive number', site);
    return this.derive<T & SessionColumns>({
      kind: 'sessionize',
      site,
      inputs: [this.node],
      key: { ...lambdaRef(options.key, 'sessionize', 0, site), prop: 'key' },
      time: { ...lambdaRef(options.time, 'sessionize', 0, site), prop: 'time' },
      gapSeconds: options.gapSeconds,
    });
  }

  /**
   * Applies a composite transform under a named scope, so its steps are named
   * `pipeline/<name>/...`. Pass a {@link transform} or a name and a function.
   */
  apply<U>(t: CompositeTransform<T, U>): U;
  apply<U>(name: string, fn: (input: PCollection<T>) => U): U;
  apply<U>(a: CompositeTransform<T, U> | string, b?: (input: PCollection<T>) => U): U {
    const site = captureCallSite();
    const [name, fn] = typeof a === 'string' ? [a, b!] : [a.name, a.expand];
    return this.ctx.scoped(name, site, () => fn(this));
  }

  private sameGraph(other: PCollection<unknown>, site: ReturnType<typeof captureCallSite>): void {
    if (other.ctx !== this.ctx) {
      throw new SluiceError(
        `cannot combine collections of pipelines '${this.ctx.pipeline}' and '${other.ctx.pipeline}'`,
        site,
        'write the other pipeline\'s collection as a model and read it with p.read(model)',
      );
    }
  }
}

/** A named, reusable composite transform. */
export interface CompositeTransform<I, O> {
  readonly name: string;
  readonly expand: (input: PCollection<I>) => O;
}

/**
 * Declares a reusable composite transform. Its steps are named under `name`:
 * `const normalize = transform('normalize', (pc: PCollection<Raw>) => pc.map(...))`.
 */
export function transform<I, O>(name: string, expand: (input: PCollection<I>) => O): CompositeTransform<I, O> {
  return { name, expand };
}
