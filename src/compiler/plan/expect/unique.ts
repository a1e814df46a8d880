/**
 * unique → each duplicated value with its number of rows: columns `value` (or the key's
 * named parts for an object key, `r => ({ a: r.a, b: r.b })`) and `count`.
 * Rows where any part of the value is NULL are ignored (as dbt and SQL UNIQUE do).
 */
import { ty } from '../../ir/expr.js';
import type { Rel } from '../../ir/rel.js';
import { and, col, gt, isNotNull, lit } from '../util/exprs.js';
import { freshName, schemaOf } from '../util/schema.js';
import { rowsWhere, type ExpectScope } from './scope.js';
import type { LambdaRef } from '../../../sdk/graph.js';

export function planUnique(value: LambdaRef, scope: ExpectScope): Rel {
  const parts = scope.env.translator.key(value, [{ fields: scope.model.columns }]);
  const keys = parts.length === 1 ? [{ name: 'value', expr: parts[0]!.expr }] : parts;
  const count = freshName('count', keys.map((k) => k.name));
  const where = and(keys.filter((k) => k.expr.type.nullable).map((k) => isNotNull(k.expr)));
  const grouped: Rel = {
    k: 'aggregate',
    input: scope.scan,
    keys,
    aggs: [{ name: count, fn: 'count_star', site: scope.expectation.site }],
    ...(where ? { where } : {}),
    schema: [...schemaOf(keys), { name: count, type: ty.int64() }],
    origin: scope.origin,
  };
  return rowsWhere(grouped, gt(col(count, ty.int64()), lit(1, ty.int64())), scope.origin);
}
