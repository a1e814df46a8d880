/**
 * notNull → the rows whose value is NULL.
 */
import type { LambdaRef } from '../../../sdk/graph.js';
import type { Rel } from '../../ir/rel.js';
import { isNull } from '../util/exprs.js';
import { rowsWhere, type ExpectScope } from './scope.js';

export function planNotNull(value: LambdaRef, scope: ExpectScope): Rel {
  const expr = scope.env.translator.scalar(value, [{ fields: scope.model.columns }]);
  return rowsWhere(scope.scan, isNull(expr), scope.origin);
}
