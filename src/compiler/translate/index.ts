/**
 * The lambda translator: finds each lambda's TypeScript source at its recorded call site and
 * translates it into expression IR (see api.ts for the contract, table.ts for the subset).
 */
import type { LambdaRef } from '../../sdk/graph.js';
import type { Pipeline } from '../../sdk/pipeline.js';
import type { Translator } from './api.js';
import { Shared } from './dispatcher.js';
import { findLambda, type FunctionLike } from './locate.js';
import { SourceProject, type SourceProjectOptions } from './project.js';
import * as shapes from './shapes.js';
import { columnsNeverUndefined } from './undefined-free.js';

export interface TranslatorOptions extends SourceProjectOptions {
  /**
   * The project's captured pipelines. With them, the translator can prove that no column is
   * ever undefined and then decide null checks without the (slow) type checker.
   */
  readonly pipelines?: readonly Pipeline[];
}

/** Creates a Translator with its own ts-morph project and caches. */
export function createTranslator(options: TranslatorOptions = {}): Translator {
  const sources = new SourceProject(options);
  const pipelines = options.pipelines;
  const shared = new Shared(pipelines ? () => columnsNeverUndefined(pipelines, lambdaOf) : undefined);
  const lambdas = new Map<string, FunctionLike>();
  const lambdaOf = (ref: LambdaRef): FunctionLike => {
    const id = `${ref.site.file}:${ref.site.line}:${ref.site.column}:${ref.callee}:${ref.arg}:${ref.prop ?? ''}`;
    let fn = lambdas.get(id);
    if (!fn) {
      fn = findLambda(sources.file(ref.site), ref);
      lambdas.set(id, fn);
    }
    return fn;
  };
  return {
    scalar: (ref, params) => shapes.scalar(lambdaOf(ref), params, shared),
    row: (ref, params) => shapes.row(lambdaOf(ref), params, shared),
    key: (ref, params) => shapes.key(lambdaOf(ref), params, shared),
    ordering: (ref, params) => shapes.ordering(lambdaOf(ref), params, shared),
    flatMap: (ref, params) => shapes.flatMap(lambdaOf(ref), params, shared),
  };
}

export type { Translator, RowParam } from './api.js';
