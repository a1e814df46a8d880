/**
 * readSource / readModel → scan.
 */
import type { ReadModelNode, ReadSourceNode } from '../../../sdk/graph.js';
import { SluiceError } from '../../../sdk/errors.js';
import type { Rel } from '../../ir/rel.js';
import { originOf, type LowerContext } from './context.js';

export function lowerReadSource(node: ReadSourceNode): Rel {
  return { k: 'scan', table: { kind: 'source', name: node.source }, schema: node.schema, origin: originOf(node) };
}

/**
 * A model read is a scan of that model. Its columns come from the model's plan (via the
 * environment, which reports unknown models at the read's call site); the previous version
 * of a model uses the schema declared at `p.previous(...)`.
 */
export function lowerReadModel(node: ReadModelNode, ctx: LowerContext): Rel {
  const schema = node.previous ? node.schema : ctx.env.modelSchema(node.model, node.site);
  if (!schema) {
    throw new SluiceError(`reading the previous version of '${node.model}' needs a declared schema`, node.site);
  }
  const table = node.previous ? { kind: 'model' as const, name: node.model, previous: true } : { kind: 'model' as const, name: node.model };
  return { k: 'scan', table, schema, origin: originOf(node) };
}
