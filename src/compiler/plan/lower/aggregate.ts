/**
 * groupBy(...).aggregate(...) / aggregate(...) → aggregate (no key: one global row).
 */
import type { AggregateNode } from '../../../sdk/graph.js';
import { SluiceError } from '../../../sdk/errors.js';
import { typeToString } from '../../../sdk/schema.js';
import type { NamedExpr } from '../../ir/expr.js';
import type { Rel } from '../../ir/rel.js';
import { isGroupable, schemaOf } from '../util/schema.js';
import { lowerAgg } from './aggCalls.js';
import { onlyInput, originOf, type LowerContext } from './context.js';

function checkKeys(node: AggregateNode, keys: readonly NamedExpr[], aggNames: readonly string[]): void {
  for (const key of keys) {
    if (!isGroupable(key.expr.type)) {
      throw new SluiceError(`cannot group by '${key.name}' of type ${typeToString(key.expr.type)}`, node.key?.site ?? node.site);
    }
    if (aggNames.includes(key.name)) {
      throw new SluiceError(`aggregate column '${key.name}' has the same name as a group key column`, node.site, 'rename the aggregate');
    }
  }
}

export function lowerAggregate(node: AggregateNode, ctx: LowerContext): Rel {
  const input = onlyInput(node, ctx);
  const translator = ctx.env.translator;
  const keys = node.key ? translator.key(node.key, [{ fields: input.schema }]) : [];
  const scope = { translator, fields: input.schema, global: !node.key };
  const aggs = Object.entries(node.aggs).map(([name, spec]) => lowerAgg(name, spec, scope));
  checkKeys(node, keys, aggs.map((a) => a.call.name));
  return {
    k: 'aggregate',
    input,
    keys,
    aggs: aggs.map((a) => a.call),
    schema: [...schemaOf(keys, input.schema), ...aggs.map((a) => a.field)],
    origin: originOf(node),
  };
}
