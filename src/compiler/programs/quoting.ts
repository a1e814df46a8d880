/**
 * Identifier and string-literal quoting for DuckDB and BigQuery. The compiler's dialects
 * provide the same two functions; these standalone ones let identity SQL be built and tested
 * without the compiler (pass the compiler's dialect object instead where it is at hand).
 */
import type { Quoting } from '../ir/program.js';

/** DuckDB: identifiers in double quotes, literals in single quotes (both doubled inside). */
export const duckdbQuoting: Quoting = {
  ident: (name) => `"${name.replace(/"/g, '""')}"`,
  stringLiteral: (value) => `'${value.replace(/'/g, "''")}'`,
};

/** BigQuery: identifiers in backticks, literals in single quotes with backslash escapes. */
export const bigqueryQuoting: Quoting = {
  ident: (name) => `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``,
  stringLiteral: (value) =>
    `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`,
};

/** Renders a possibly qualified table path (`['proj', 'ds', 't']`) with a quoting function. */
export const tablePath = (q: Quoting, parts: readonly string[]) => parts.map((p) => q.ident(p)).join('.');
