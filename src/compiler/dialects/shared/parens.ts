/**
 * Parenthesis bookkeeping. Op builders wrap every infix form in parentheses so nesting is
 * always correct; at the top of a select item or clause the outer pair is noise, and
 * `unwrap` removes it when it encloses the whole text.
 */

/** Wraps SQL text in parentheses. */
export function paren(sql: string): string {
  return `(${sql})`;
}

/**
 * Removes one outer pair of parentheses when it spans the whole text. Quoted strings and
 * identifiers are skipped; `backslashEscapes` says whether `\'` escapes a quote (BigQuery)
 * or quotes are doubled (DuckDB).
 */
export function unwrap(sql: string, backslashEscapes: boolean): string {
  if (!sql.startsWith('(') || !sql.endsWith(')')) return sql;
  let depth = 0;
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i]!;
    if (ch === "'" || ch === '"' || ch === '`') {
      i = skipQuoted(sql, i, backslashEscapes);
      continue;
    }
    if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0 && i < sql.length - 1) return sql;
    }
  }
  return sql.slice(1, -1);
}

/** Index of the closing quote of the quoted run starting at `start`. */
function skipQuoted(sql: string, start: number, backslashEscapes: boolean): number {
  const quote = sql[start]!;
  for (let i = start + 1; i < sql.length; i++) {
    const ch = sql[i]!;
    if (backslashEscapes && ch === '\\') {
      i++;
      continue;
    }
    if (ch === quote) {
      if (!backslashEscapes && sql[i + 1] === quote) {
        i++;
        continue;
      }
      return i;
    }
  }
  return sql.length;
}
