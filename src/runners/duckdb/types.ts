/**
 * Sluice SQL types as DuckDB column types: the DuckDB dialect's own type names, so tables the
 * runner creates (sources, empty previous versions) match what the compiled SQL produces.
 */
export { typeName as duckdbType } from '../../compiler/dialects/duckdb/syntax.js';
