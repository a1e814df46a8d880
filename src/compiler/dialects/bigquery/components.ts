/** BigQuery's hooks for the connected-components program. */
import { bigqueryQuoting } from '../../programs/quoting.js';
import type { ComponentsDialect } from '../../programs/components-dialect.js';

export const bigqueryComponents: ComponentsDialect = {
  name: 'bigquery',
  quoting: bigqueryQuoting,
  int64: 'INT64',
  hash: (expr) => `FARM_FINGERPRINT(CAST(${expr} AS STRING))`,
};
