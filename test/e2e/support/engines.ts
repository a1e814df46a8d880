/**
 * Runs the same pipelines on both local engines: compiled to DuckDB SQL and executed on an
 * in-memory DuckDB, and in memory on the DirectRunner (the specification). Compiling is the
 * slow part, so each test file compiles all of its models once in a `before` hook.
 */
import path from 'node:path';
import { expect } from 'chai';
import type { CompiledProject } from '../../../src/compiler/artifact/types.js';
import { compile } from '../../../src/compiler/index.js';
import { runDirect } from '../../../src/runners/direct/index.js';
import type { Pipeline } from '../../../src/sdk/pipeline.js';
import { runOnDuckDb } from '../../support/duckdb.js';
import { show, sortRows, type Row } from './rows.js';

export interface EngineResults {
  readonly compiled: CompiledProject;
  /** Rows per model from DuckDB. */
  readonly duck: Readonly<Record<string, Row[]>>;
  /** Rows per model from the DirectRunner. */
  readonly direct: Readonly<Record<string, Row[]>>;
}

const root = path.resolve(new URL('../../..', import.meta.url).pathname);

/** Compiles `pipelines` once and runs every model on DuckDB and on the DirectRunner. */
export async function runEngines(pipelines: readonly Pipeline[], sources: Readonly<Record<string, readonly Row[]>>): Promise<EngineResults> {
  const compiled = compile(pipelines, { root });
  const duck = await runOnDuckDb(compiled, sources);
  const direct = runDirect(pipelines, { sources }).models;
  return { compiled, duck, direct };
}

/** The rows of one model from one engine, failing clearly when the model is missing. */
export function rowsOf(results: EngineResults, engine: 'duck' | 'direct', model: string): Row[] {
  const rows = results[engine][model];
  expect(rows, `${engine} produced no model '${model}'`).to.be.an('array');
  return rows!;
}

export interface ExpectOptions {
  /**
   * Skip the column-order check of the DirectRunner's rows. Only for a known, reported
   * difference: the DirectRunner's union keeps each input row's own key order.
   */
  readonly ignoreDirectKeyOrder?: boolean;
}

/**
 * Asserts DuckDB rows == expected == DirectRunner rows, as multisets, and that every row lists
 * its columns in the expected order. The message shows all three so that a disagreement can
 * be diagnosed from it.
 */
export function expectRows(results: EngineResults, model: string, expected: readonly Row[], options: ExpectOptions = {}): void {
  const want = sortRows(expected);
  const duck = sortRows(rowsOf(results, 'duck', model));
  const direct = sortRows(rowsOf(results, 'direct', model));
  const context = `model '${model}'\nexpected:\n  ${show(want)}\nduckdb:\n  ${show(duck)}\ndirect:\n  ${show(direct)}\n`;
  expect(direct, `DirectRunner differs from expected; ${context}`).to.deep.equal(want);
  expect(duck, `DuckDB differs from expected; ${context}`).to.deep.equal(want);
  const columns = (rows: Row[]) => [...new Set(rows.map((r) => Object.keys(r).join(',')))];
  const wantColumns = columns(want);
  expect(columns(duck), `DuckDB column order of '${model}'`).to.deep.equal(wantColumns);
  if (!options.ignoreDirectKeyOrder) expect(columns(direct), `DirectRunner column order of '${model}'`).to.deep.equal(wantColumns);
}
