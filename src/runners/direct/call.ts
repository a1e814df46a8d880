/**
 * Calls a user lambda. An exception thrown by user code becomes a SluiceError pointing at the
 * SDK call that recorded the lambda, naming the row it failed on.
 */
import { SluiceError } from '../../sdk/errors.js';
import type { LambdaRef } from '../../sdk/graph.js';
import { preview } from './values.js';

/** What a lambda is called, for messages: `map`, `join on`, `dedupe order`. */
export function lambdaLabel(ref: LambdaRef): string {
  return ref.prop ? `${ref.callee} ${ref.prop}` : ref.callee;
}

/** Calls `ref.fn(...args)`, wrapping anything it throws in a SluiceError at `ref.site`. */
export function callLambda(ref: LambdaRef, ...args: unknown[]): unknown {
  try {
    return ref.fn(...args);
  } catch (err) {
    if (err instanceof SluiceError) throw err;
    const what = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    const rows = args.map((a) => preview(a)).join(', ');
    const wrapped = new SluiceError(`${lambdaLabel(ref)} lambda threw ${what} on ${rows}`, ref.site);
    Object.assign(wrapped, { cause: err });
    throw wrapped;
  }
}

/** A SluiceError at the lambda's site, for results of the wrong shape. */
export function lambdaError(ref: LambdaRef, problem: string, hint?: string): SluiceError {
  return new SluiceError(`${lambdaLabel(ref)} lambda ${problem}`, ref.site, hint);
}
