/**
 * The DirectRunner: runs captured pipelines in memory by calling their original JavaScript
 * lambdas. JavaScript semantics are Sluice's specification, and these results are what the
 * SQL engines are tested against. See docs in each module for the exact semantics.
 */
export { runDirect, evaluateNode, modelRows, collectModels, type DirectResult } from './run.js';
export type { DirectInputs, Row } from './scope.js';
export { checkExpectations, checkExpectation, blockingFailures, SAMPLE_SIZE, type ExpectationResult } from './expectations.js';
export { compareValues, compareOrderings, compareCodePoints } from './compare.js';
export { valueKey, sameValue } from './values.js';
