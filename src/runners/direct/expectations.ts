/**
 * Evaluates model expectations (data tests) on direct-run results: the reference for the
 * SQL expectation queries. Each expectation is defined by its violating rows.
 */
import { formatCallSite } from '../../sdk/callsite.js';
import { SluiceError } from '../../sdk/errors.js';
import type { Expectation, ExpectationSpec, LambdaRef } from '../../sdk/graph.js';
import type { Pipeline } from '../../sdk/pipeline.js';
import { callLambda } from './call.js';
import type { DirectResult } from './run.js';
import type { Row } from './scope.js';
import { holds, isNull, valueKey } from './values.js';

/** How many violating rows a result carries as samples. */
export const SAMPLE_SIZE = 5;

export interface ExpectationResult {
  readonly model: string;
  readonly expectation: Expectation;
  readonly severity: 'error' | 'warn';
  readonly passed: boolean;
  /** Number of violating rows (for rowCount: 1 when the count is out of bounds, else 0). */
  readonly failing: number;
  /** Up to {@link SAMPLE_SIZE} violating rows in model row order (rowCount: `{ row_count }`). */
  readonly samples: readonly Row[];
  /** One line for humans: what was checked and how it went. */
  readonly message: string;
}

/** The violating rows of one expectation kind on a model's rows. */
type Violations<S extends ExpectationSpec = ExpectationSpec> = (spec: S, rows: readonly Row[], result: DirectResult, model: string) => Row[];

const keyOf = (spec: { value: LambdaRef }) => (row: Row) => callLambda(spec.value, row);

const violations: { [K in ExpectationSpec['kind']]: Violations<Extract<ExpectationSpec, { kind: K }>> } = {
  /** Rows whose non-null value occurs on more than one row (every such row violates). */
  unique: (spec, rows) => {
    const counts = new Map<string, number>();
    const keys = rows.map((row) => {
      const v = callLambda(spec.value, row);
      const key = isNull(v) ? undefined : valueKey(v);
      if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
      return key;
    });
    return rows.filter((_, i) => keys[i] !== undefined && counts.get(keys[i]!)! > 1);
  },
  /** Rows whose value is NULL (NaN is not NULL). */
  notNull: (spec, rows) => rows.filter((row) => isNull(keyOf(spec)(row))),
  /** Rows whose value is non-null and equal (SQL equality: NaN = NaN, Dates by time) to none of `values`. */
  acceptedValues: (spec, rows) => {
    const accepted = new Set(spec.values.map(valueKey));
    return rows.filter((row) => {
      const v = keyOf(spec)(row);
      return !isNull(v) && !accepted.has(valueKey(v));
    });
  },
  /** Rows whose non-null value is not among the other model's `modelValue`s. */
  relationships: (spec, rows, result, model) => {
    const target = result.models[spec.model];
    if (!target) throw new SluiceError(`expectation on model '${model}' refers to model '${spec.model}', which was not part of the run`, spec.value.site);
    const present = new Set(target.map((row) => valueKey(callLambda(spec.modelValue, row))));
    return rows.filter((row) => {
      const v = keyOf(spec)(row);
      return !isNull(v) && !present.has(valueKey(v));
    });
  },
  /** Rows for which the condition is not truthy (false, NULL or undefined all violate). */
  rowCondition: (spec, rows) => rows.filter((row) => !holds(keyOf(spec)(row))),
  /** One pseudo-row `{ row_count }` when the count is outside [min, max] (inclusive). */
  rowCount: (spec, rows) => {
    const n = rows.length;
    const outside = (spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max);
    return outside ? [{ row_count: n }] : [];
  },
};

function describe(e: Expectation): string {
  return e.description ?? `${e.spec.kind} at ${formatCallSite(e.site)}`;
}

/** Evaluates one expectation of `model` against its rows in `result`. */
export function checkExpectation(model: string, expectation: Expectation, result: DirectResult): ExpectationResult {
  const rows = result.models[model];
  if (!rows) throw new SluiceError(`model '${model}' was not part of the run`, expectation.site);
  const check = violations[expectation.spec.kind] as Violations;
  const bad = check(expectation.spec, rows, result, model);
  const passed = bad.length === 0;
  return {
    model,
    expectation,
    severity: expectation.severity,
    passed,
    failing: bad.length,
    samples: bad.slice(0, SAMPLE_SIZE),
    message: `${model}: ${describe(expectation)}: ${passed ? 'passed' : `${bad.length} failing row${bad.length === 1 ? '' : 's'}`}`,
  };
}

/**
 * Evaluates every expectation of every model the pipelines write, in the order the models
 * and their expectations were declared. `result` must come from running those pipelines.
 */
export function checkExpectations(pipelines: readonly Pipeline[], result: DirectResult): ExpectationResult[] {
  return pipelines.flatMap((p) => p.models.flatMap((m) => m.expectations.map((e) => checkExpectation(m.name, e, result))));
}

/** The failed expectations of severity `error`: the ones that fail a run. */
export function blockingFailures(results: readonly ExpectationResult[]): ExpectationResult[] {
  return results.filter((r) => !r.passed && r.severity === 'error');
}
