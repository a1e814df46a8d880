/**
 * acceptedValues → the rows whose value is not NULL and not one of the listed values.
 * The listed values become literals of the value's type; a value of the wrong JS type is a
 * compile error at the expectation (it could never match).
 */
import type { LambdaRef } from '../../../sdk/graph.js';
import { SluiceError } from '../../../sdk/errors.js';
import { typeToString, type SqlType } from '../../../sdk/schema.js';
import { ty, withNullable, type Expr } from '../../ir/expr.js';
import type { Rel } from '../../ir/rel.js';
import { and, isNotNull, lit, not, op } from '../util/exprs.js';
import { rowsWhere, type ExpectScope } from './scope.js';

/** The literal for `value` in a column of `type`, or undefined when it cannot be one. */
function literalFor(value: unknown, type: SqlType): Expr | undefined {
  const exact = withNullable(type, false);
  switch (type.kind) {
    case 'STRING':
    case 'DATE':
      return typeof value === 'string' ? lit(value, exact) : undefined;
    case 'INT64':
      return typeof value === 'number' && Number.isSafeInteger(value) ? lit(value, exact) : undefined;
    case 'FLOAT64':
    case 'NUMERIC':
      return typeof value === 'number' && Number.isFinite(value) ? lit(value, exact) : undefined;
    case 'BOOL':
      return typeof value === 'boolean' ? lit(value, exact) : undefined;
    case 'TIMESTAMP':
      return value instanceof Date && !Number.isNaN(value.getTime()) ? lit(value.toISOString(), exact) : undefined;
    default:
      return undefined;
  }
}

export function planAcceptedValues(value: LambdaRef, values: readonly unknown[], scope: ExpectScope): Rel {
  const expr = scope.env.translator.scalar(value, [{ fields: scope.model.columns }]);
  const literals = values.map((v) => {
    const literal = literalFor(v, expr.type);
    if (!literal) {
      throw new SluiceError(`acceptedValues(): ${JSON.stringify(v)} cannot be a value of type ${typeToString(expr.type)}`, scope.expectation.site);
    }
    return literal;
  });
  const listed = literals.length > 0 ? [not(op('in', [expr, ...literals], ty.bool(expr.type.nullable)))] : [];
  return rowsWhere(scope.scan, and([isNotNull(expr), ...listed])!, scope.origin);
}
