/**
 * The DuckDB dialect: the shared emitter with DuckDB's hooks and tables.
 */
import { duckdbComponents } from './components.js';
import { duckdbScript } from './script.js';
import type { Dialect } from '../dialect.js';
import { renderQuery } from '../shared/query.js';
import type { DialectOptions, DialectSpec } from '../shared/sql-spec.js';
import { duckdbAggs, duckdbWindows } from './aggregates.js';
import { duckdbCreate } from './ddl.js';
import { duckdbOps } from './ops.js';
import { duckdbSyntax } from './syntax.js';

export const duckdbSpec: DialectSpec = {
  syntax: duckdbSyntax,
  ops: duckdbOps,
  aggs: duckdbAggs,
  windows: duckdbWindows,
  unnest: {
    // A lateral unnest yields no rows for an empty or NULL array, like flatMap.
    join: (array) => `CROSS JOIN unnest(${array}) WITH ORDINALITY AS u(elem, ordinality)`,
    elem: 'u.elem',
    offset: '(u.ordinality - 1)',
  },
  qualifyNeedsWhere: false,
};

/** A DuckDB dialect printing call sites relative to `options.relativeTo`. */
export function createDuckDbDialect(options: DialectOptions = {}): Dialect & { readonly spec: DialectSpec } {
  return {
    name: 'duckdb',
    spec: duckdbSpec,
    query: (rel, names) => renderQuery(duckdbSpec, rel, names, { relativeTo: options.relativeTo ?? process.cwd() }),
    create: duckdbCreate,
    ident: duckdbSyntax.ident,
    stringLiteral: duckdbSyntax.stringLiteral,
    components: duckdbComponents,
    script: duckdbScript,
  };
}

export const duckdb = createDuckDbDialect();
