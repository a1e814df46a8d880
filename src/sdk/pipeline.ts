/**
 * `pipeline(name, p => ...)` builds a graph eagerly, when its module is imported, and returns
 * the models it wrote so that other pipelines can read them with full typing.
 */
import { captureCallSite, type CallSite } from './callsite.js';
import { PipelineContext } from './context.js';
import { SluiceError } from './errors.js';
import type { Expect } from './expectations.js';
import type { Materialization, ModelSpec, SourceSpec } from './graph.js';
import { PCollection } from './pcollection.js';
import { schemaFields, type RowOf, type Schema } from './schema.js';
import type { Source } from './source.js';

/** A written model. Pass it to `p.read` in another pipeline, or to `relationships(...)`. */
export interface Model<T> {
  readonly name: string;
  /** Phantom field carrying the row type. */
  readonly __row?: T;
}

/** Options of `p.write`. */
export interface WriteOptions<T> {
  /** Model (table or view) name: letters, digits and underscores. */
  name: string;
  /** `view` (default) or `table`. */
  materialize?: Materialization;
  description?: string;
  /** Column descriptions. */
  columns?: { [K in keyof T]?: string };
  /** Partitioning column (a DATE or TIMESTAMP column; BigQuery partitions by day). */
  partitionBy?: keyof T & string;
  /** Clustering columns, at most four. */
  clusterBy?: (keyof T & string)[];
  /** BigQuery labels. */
  labels?: Record<string, string>;
  /** Data tests run after the model is built. */
  expect?: Expect<T>[];
}

/** What a pipeline's build function receives. */
export interface PipelineBuilder {
  /** Reads a declared source, or a model written by another pipeline. */
  read<T>(input: Source<T> | Model<T>): PCollection<T>;
  /**
   * Reads the previous materialized version of a model (written by this or another
   * pipeline; materialized as a table). Empty on the first run. The schema must be declared
   * because the model's own output cannot be inferred before it exists.
   */
  previous<S extends Schema>(model: string, schema: S): PCollection<RowOf<S>>;
  /** Writes a collection as a model. */
  write<T>(pc: PCollection<T>, options: WriteOptions<T>): Model<T>;
}

/** Brands pipelines across module instances (a project may load the SDK twice: CJS and ESM). */
const PIPELINE_BRAND = Symbol.for('sluice.pipeline');

/** Whether `value` is a pipeline, from any copy of the SDK. */
export function isPipeline(value: unknown): value is Pipeline {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[PIPELINE_BRAND] === true;
}

/** A captured pipeline: its graph, the sources it read and the models it wrote. */
export class Pipeline<Out = unknown> {
  readonly [PIPELINE_BRAND] = true;

  constructor(
    readonly name: string,
    readonly context: PipelineContext,
    readonly sources: readonly SourceSpec[],
    readonly outputs: Out,
    readonly site: CallSite,
  ) {}

  get models(): readonly ModelSpec[] {
    return this.context.models;
  }
}

/** A reference to a model by name, for reading models of pipelines you cannot import. */
export function ref<T>(name: string): Model<T> {
  return { name };
}

const namePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Declares a pipeline. `build` runs immediately to capture the graph.
 *
 * @example
 * export default pipeline('orders', p => {
 *   const orders = p.read(shopOrders).filter(o => o.amount > 0);
 *   return { orders: p.write(orders, { name: 'orders', materialize: 'table' }) };
 * });
 */
export function pipeline<Out>(name: string, build: (p: PipelineBuilder) => Out): Pipeline<Out> {
  const site = captureCallSite();
  if (!namePattern.test(name)) throw new SluiceError(`pipeline name ${JSON.stringify(name)} must be letters, digits and underscores`, site);
  const ctx = new PipelineContext(name);
  const sources = new Set<SourceSpec>();

  const p: PipelineBuilder = {
    read<T>(input: Source<T> | Model<T>): PCollection<T> {
      const at = captureCallSite();
      if ('spec' in input) {
        sources.add(input.spec);
        const node = ctx.add({ kind: 'readSource', site: at, inputs: [], source: input.spec.name, schema: input.spec.schema }, undefined, `read_${input.spec.name}`);
        return new PCollection<T>(ctx, node);
      }
      return new PCollection<T>(ctx, ctx.add({ kind: 'readModel', site: at, inputs: [], model: input.name, previous: false }, undefined, `read_${input.name}`));
    },
    previous<S extends Schema>(model: string, schema: S): PCollection<RowOf<S>> {
      const at = captureCallSite();
      const node = ctx.add(
        { kind: 'readModel', site: at, inputs: [], model, previous: true, schema: schemaFields(schema) },
        undefined,
        `previous_${model}`,
      );
      return new PCollection<RowOf<S>>(ctx, node);
    },
    write<T>(pc: PCollection<T>, options: WriteOptions<T>): Model<T> {
      const at = captureCallSite();
      if (pc.ctx !== ctx) throw new SluiceError(`cannot write a collection of pipeline '${pc.ctx.pipeline}' from pipeline '${name}'`, at);
      if (!namePattern.test(options.name)) {
        throw new SluiceError(`model name ${JSON.stringify(options.name)} must be letters, digits and underscores`, at);
      }
      const clusterBy = options.clusterBy ?? [];
      if (clusterBy.length > 4) throw new SluiceError(`clusterBy allows at most 4 columns, got ${clusterBy.length}`, at);
      ctx.models.push({
        name: options.name,
        pipeline: name,
        node: pc.node,
        materialize: options.materialize ?? 'view',
        ...(options.description !== undefined ? { description: options.description } : {}),
        columns: (options.columns ?? {}) as Record<string, string>,
        ...(options.partitionBy !== undefined ? { partitionBy: options.partitionBy } : {}),
        clusterBy,
        labels: options.labels ?? {},
        expectations: options.expect ?? [],
        site: at,
      });
      return { name: options.name };
    },
  };

  const outputs = build(p);
  return new Pipeline(name, ctx, [...sources.values()], outputs, site);
}
