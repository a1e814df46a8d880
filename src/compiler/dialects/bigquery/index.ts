/**
 * The BigQuery (GoogleSQL) dialect: the shared emitter with BigQuery's hooks and tables.
 */
import type { Dialect } from '../dialect.js';
import { renderQuery } from '../shared/query.js';
import type { DialectOptions, DialectSpec } from '../shared/sql-spec.js';
import { bigqueryAggs, bigqueryWindows } from './aggregates.js';
import { bigqueryComponents } from './components.js';
import { bigqueryScript } from './script.js';
import { bigqueryCreate } from './ddl.js';
import { bigqueryOps } from './ops.js';
import { bigquerySyntax } from './syntax.js';

export const bigquerySpec: DialectSpec = {
  syntax: bigquerySyntax,
  ops: bigqueryOps,
  aggs: bigqueryAggs,
  windows: bigqueryWindows,
  unnest: {
    // A comma / CROSS JOIN with UNNEST drops rows whose array is empty or NULL, like flatMap.
    join: (array) => `CROSS JOIN UNNEST(${array}) AS elem WITH OFFSET AS elem_offset`,
    elem: 'elem',
    offset: 'elem_offset',
  },
  qualifyNeedsWhere: true,
};

/** A BigQuery dialect printing call sites relative to `options.relativeTo`. */
export function createBigQueryDialect(options: DialectOptions = {}): Dialect & { readonly spec: DialectSpec } {
  return {
    name: 'bigquery',
    spec: bigquerySpec,
    query: (rel, names) => renderQuery(bigquerySpec, rel, names, { relativeTo: options.relativeTo ?? process.cwd() }),
    create: bigqueryCreate,
    ident: bigquerySyntax.ident,
    stringLiteral: bigquerySyntax.stringLiteral,
    components: bigqueryComponents,
    script: (program) => bigqueryScript(program, bigquerySyntax),
  };
}

export const bigquery = createBigQueryDialect();
