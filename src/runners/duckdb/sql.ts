/**
 * Escaping for SQL this runner generates itself (loading sources, counting rows). Model SQL
 * comes escaped from the DuckDB dialect; nothing here is pasted unescaped.
 */

/** A quoted DuckDB identifier: `"na""me"`. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A DuckDB string literal: `'it''s'`. */
export function str(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** A dotted, quoted table path: `"src"."orders"`. */
export function qualified(parts: readonly string[]): string {
  return parts.map(ident).join('.');
}
