/**
 * Expectations (data tests) attached to a model with `p.write(pc, { expect: [...] })`.
 * Each runs after the model is built; a failure reports the number of failing rows and a
 * sample of them. `severity: 'warn'` reports without failing the run.
 */
import { lambdaRef } from './builders.js';
import { captureCallSite } from './callsite.js';
import type { Expectation, ExpectationSpec } from './graph.js';
import type { Model } from './pipeline.js';

/** An expectation on rows of type `T`. */
export interface Expect<T> extends Expectation {
  /** Phantom, for inference of `T` from the model being written. */
  readonly __row?: (row: T) => void;
}

export interface ExpectOptions {
  severity?: 'error' | 'warn';
  description?: string;
}

function make<T>(spec: ExpectationSpec, options: ExpectOptions, site = captureCallSite()): Expect<T> {
  return {
    spec,
    severity: options.severity ?? 'error',
    ...(options.description !== undefined ? { description: options.description } : {}),
    site,
  };
}

/** No two rows share the value (NULLs are ignored, as in dbt). */
export function unique<T>(value: (row: T) => unknown, options: ExpectOptions = {}): Expect<T> {
  const site = captureCallSite();
  return make({ kind: 'unique', value: lambdaRef(value, 'unique', 0, site) }, options, site);
}

/** The value is never NULL. */
export function notNull<T>(value: (row: T) => unknown, options: ExpectOptions = {}): Expect<T> {
  const site = captureCallSite();
  return make({ kind: 'notNull', value: lambdaRef(value, 'notNull', 0, site) }, options, site);
}

/** The value is NULL or one of `values`. */
export function acceptedValues<T, V>(
  value: (row: T) => V,
  values: readonly NonNullable<V>[],
  options: ExpectOptions = {},
): Expect<T> {
  const site = captureCallSite();
  return make({ kind: 'acceptedValues', value: lambdaRef(value, 'acceptedValues', 0, site), values }, options, site);
}

/** Every non-NULL value exists in `model` as `modelValue` (a foreign key). */
export function relationships<T, U>(
  value: (row: T) => unknown,
  model: Model<U>,
  modelValue: (row: U) => unknown,
  options: ExpectOptions = {},
): Expect<T> {
  const site = captureCallSite();
  return make(
    {
      kind: 'relationships',
      value: lambdaRef(value, 'relationships', 0, site),
      model: model.name,
      modelValue: lambdaRef(modelValue, 'relationships', 2, site),
    },
    options,
    site,
  );
}

/** Every row satisfies the condition: `expect(r => r.amount >= 0 || r.kind === 'return')`. */
export function expect<T>(condition: (row: T) => boolean, options: ExpectOptions = {}): Expect<T> {
  const site = captureCallSite();
  return make({ kind: 'rowCondition', value: lambdaRef(condition, 'expect', 0, site) }, options, site);
}

/** The model's row count lies within the bounds (inclusive). */
export function rowCount<T>(bounds: { min?: number; max?: number }, options: ExpectOptions = {}): Expect<T> {
  return make(
    {
      kind: 'rowCount',
      ...(bounds.min !== undefined ? { min: bounds.min } : {}),
      ...(bounds.max !== undefined ? { max: bounds.max } : {}),
    },
    options,
  );
}
