/**
 * BigQuery CREATE OR REPLACE VIEW / TABLE with descriptions, labels, partitioning and clustering.
 */
import { SluiceError } from '../../../sdk/errors.js';
import type { MaterializeSpec, TableNames } from '../dialect.js';
import { partitionColumn, sortedLabels } from '../shared/ddl-parts.js';
import { ident, quote, stringLiteral, typeName } from './syntax.js';

function options(spec: MaterializeSpec): string[] {
  const entries: string[] = [];
  if (spec.description !== undefined) entries.push(`description = ${stringLiteral(spec.description)}`);
  const labels = sortedLabels(spec);
  if (labels.length) {
    entries.push(`labels = [${labels.map(([k, v]) => `(${stringLiteral(k)}, ${stringLiteral(v)})`).join(', ')}]`);
  }
  return entries.length ? ['OPTIONS (', ...entries.map((e, i) => `  ${e}${i < entries.length - 1 ? ',' : ''}`), ')'] : [];
}

function columnList(spec: MaterializeSpec, withTypes: boolean): string[] {
  const lines = spec.columns.map((c, i) => {
    const type = withTypes ? ` ${typeName(c.type)}` : '';
    const description = c.description !== undefined ? ` OPTIONS (description = ${stringLiteral(c.description)})` : '';
    return `  ${ident(c.name)}${type}${description}${i < spec.columns.length - 1 ? ',' : ''}`;
  });
  return ['(', ...lines, ')'];
}

function partitioning(spec: MaterializeSpec): string[] {
  const column = partitionColumn(spec);
  if (!column) return [];
  switch (column.type.kind) {
    case 'TIMESTAMP':
      return [`PARTITION BY DATE(${ident(column.name)})`];
    case 'DATE':
      return [`PARTITION BY ${ident(column.name)}`];
    default:
      throw new SluiceError(
        `model '${spec.name}' is partitioned by '${column.name}' of type ${column.type.kind}`,
        undefined,
        'partition by a TIMESTAMP or DATE column',
      );
  }
}

/** The DDL materializing a model from its query. */
export function bigqueryCreate(spec: MaterializeSpec, query: string, names: TableNames): string {
  const target = names.table({ kind: 'model', name: spec.name }).map(quote).join('.');
  if (spec.materialize === 'view') {
    const hasColumnDocs = spec.columns.some((c) => c.description !== undefined);
    const ignored =
      spec.partitionBy !== undefined || spec.clusterBy.length
        ? ['-- partitioning and clustering apply to tables only; this model is a view']
        : [];
    return [
      ...ignored,
      `CREATE OR REPLACE VIEW ${target}`,
      ...(hasColumnDocs ? columnList(spec, false) : []),
      ...options(spec),
      'AS',
      query,
    ].join('\n');
  }
  return [
    `CREATE OR REPLACE TABLE ${target}`,
    ...columnList(spec, true),
    ...partitioning(spec),
    ...(spec.clusterBy.length ? [`CLUSTER BY ${spec.clusterBy.map(ident).join(', ')}`] : []),
    ...options(spec),
    'AS',
    query,
  ].join('\n');
}
