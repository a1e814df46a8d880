/**
 * DuckDB CREATE OR REPLACE VIEW / TABLE. DuckDB has no partitioning, clustering or labels;
 * they and the descriptions become comment lines, so the DDL stays one statement (the runner
 * executes it as is). COMMENT ON is deliberately not emitted for the same reason.
 */
import type { MaterializeSpec, TableNames } from '../dialect.js';
import { commentLines, partitionColumn, sortedLabels } from '../shared/ddl-parts.js';
import { quote } from './syntax.js';

function notes(spec: MaterializeSpec): string[] {
  const lines: string[] = [];
  if (spec.description !== undefined) lines.push(...commentLines(spec.description));
  const partition = partitionColumn(spec);
  if (partition) lines.push(`-- partitioned by ${partition.name} in BigQuery (no DuckDB equivalent)`);
  if (spec.clusterBy.length) lines.push(`-- clustered by ${spec.clusterBy.join(', ')} in BigQuery (no DuckDB equivalent)`);
  const labels = sortedLabels(spec);
  if (labels.length) lines.push(`-- labels: ${labels.map(([k, v]) => `${k}=${v}`).join(', ')}`);
  return lines.flatMap((l) => l.split(/\r\n|\r|\n/).map((part, i) => (i === 0 ? part : `-- ${part}`)));
}

/** The DDL materializing a model from its query. */
export function duckdbCreate(spec: MaterializeSpec, query: string, names: TableNames): string {
  const target = names.table({ kind: 'model', name: spec.name }).map(quote).join('.');
  const kind = spec.materialize === 'view' ? 'VIEW' : 'TABLE';
  return [...notes(spec), `CREATE OR REPLACE ${kind} ${target} AS`, query].join('\n');
}
