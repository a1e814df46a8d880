/** The Sluice SDK: everything a pipeline author imports. */
export { t, type RowOf, type Schema, type SqlType, type SqlField, type TypeKind, Column } from './schema.js';
export { source, Source, type SourceOptions } from './source.js';
export { pipeline, ref, Pipeline, type Model, type PipelineBuilder, type WriteOptions } from './pipeline.js';
export {
  PCollection,
  Grouped,
  transform,
  type CompositeTransform,
  type JoinOptions,
  type DedupeOptions,
  type WindowOptions,
  type SessionOptions,
  type SessionColumns,
  type Nullable,
} from './pcollection.js';
export type { Group, WindowFns } from './builders.js';
export { desc, type Ordering, type OrderKey } from './ordering.js';
export { unique, notNull, acceptedValues, relationships, expect, rowCount, type Expect, type ExpectOptions } from './expectations.js';
export * as time from './time.js';
export { SluiceError } from './errors.js';
export { connectedComponents, type Edge, type ComponentRow, type ComponentsOptions } from './components.js';
export type { CallSite } from './callsite.js';
