/**
 * Sample data for the customer data model: `generate(dir, { seed, scale })` writes one CSV
 * per source in pipelines/sources.ts plus a ground-truth file for tests and benchmarks.
 * `sluice run` calls it when a local environment has no data yet.
 */
export { generate, TRUTH_FILE, type GenerateOptions, type GenerateResult } from './sample-data/generate.js';
