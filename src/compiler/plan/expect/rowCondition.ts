/**
 * expect(condition) → the rows where the condition is not true. A NULL condition fails, as a
 * JS predicate returning a falsy value would: `WHERE NOT COALESCE(condition, FALSE)`.
 */
import type { LambdaRef } from '../../../sdk/graph.js';
import { ty } from '../../ir/expr.js';
import type { Rel } from '../../ir/rel.js';
import { lit, not, op } from '../util/exprs.js';
import { rowsWhere, type ExpectScope } from './scope.js';

export function planRowCondition(condition: LambdaRef, scope: ExpectScope): Rel {
  const expr = scope.env.translator.scalar(condition, [{ fields: scope.model.columns }]);
  const holds = expr.type.nullable ? op('coalesce', [expr, lit(false, ty.bool())], ty.bool()) : expr;
  return rowsWhere(scope.scan, not(holds), scope.origin);
}
