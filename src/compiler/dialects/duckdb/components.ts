/** DuckDB's hooks for the connected-components program. */
import { duckdbQuoting } from '../../programs/quoting.js';
import type { ComponentsDialect } from '../../programs/components-dialect.js';

export const duckdbComponents: ComponentsDialect = {
  name: 'duckdb',
  quoting: duckdbQuoting,
  int64: 'BIGINT',
  // hash() is a UBIGINT; dropping one bit keeps it a BIGINT.
  hash: (expr) => `CAST(hash(${expr}) >> 1 AS BIGINT)`,
};
