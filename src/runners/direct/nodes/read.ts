/** readSource and readModel: rows from outside the graph. */
import { SluiceError } from '../../../sdk/errors.js';
import type { ReadModelNode, ReadSourceNode } from '../../../sdk/graph.js';
import type { NodeContext, Row } from '../scope.js';
import { validateRows } from '../validate.js';
import { materializeRow } from '../values.js';

/** The given rows of a source, validated against its schema. */
export function readSource(node: ReadSourceNode, ctx: NodeContext): Row[] {
  const rows = ctx.scope.inputs.sources[node.source];
  if (!rows) {
    throw new SluiceError(`no rows given for source '${node.source}'`, node.site, `pass inputs.sources.${node.source} (an empty array for no rows)`);
  }
  validateRows(rows, node.schema, `source '${node.source}'`, node.site);
  return rows.map(materializeRow);
}

/** Rows of an earlier model, or of a model's previous version (empty on a first run). */
export function readModel(node: ReadModelNode, ctx: NodeContext): Row[] {
  if (node.previous) {
    const rows = ctx.scope.inputs.previous?.[node.model] ?? [];
    if (node.schema) validateRows(rows, node.schema, `previous version of model '${node.model}'`, node.site);
    return rows.map(materializeRow);
  }
  const rows = ctx.scope.modelRows(node.model);
  if (!rows) {
    throw new SluiceError(
      `model '${node.model}' is neither defined by the pipelines run nor given`,
      node.site,
      `run the pipeline that writes '${node.model}' too, or pass inputs.models.${node.model}`,
    );
  }
  return rows.map(materializeRow);
}
