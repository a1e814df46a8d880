/**
 * rowCount → one row with the actual count (`row_count`) when it lies outside the bounds
 * (inclusive), no row otherwise.
 */
import { SluiceError } from '../../../sdk/errors.js';
import { ty, type Expr } from '../../ir/expr.js';
import type { Rel } from '../../ir/rel.js';
import { col, gt, lit, lt, or } from '../util/exprs.js';
import { rowsWhere, type ExpectScope } from './scope.js';

export function planRowCount(bounds: { min?: number; max?: number }, scope: ExpectScope): Rel {
  const site = scope.expectation.site;
  if (bounds.min === undefined && bounds.max === undefined) throw new SluiceError('rowCount() needs a min or a max', site);
  for (const [name, bound] of [['min', bounds.min], ['max', bounds.max]] as const) {
    if (bound !== undefined && !(Number.isSafeInteger(bound) && bound >= 0)) {
      throw new SluiceError(`rowCount() ${name} must be a non-negative integer, got ${bound}`, site);
    }
  }
  if (bounds.min !== undefined && bounds.max !== undefined && bounds.min > bounds.max) {
    throw new SluiceError(`rowCount() min ${bounds.min} is greater than max ${bounds.max}`, site);
  }
  const count = col('row_count', ty.int64());
  const counted: Rel = {
    k: 'aggregate',
    input: scope.scan,
    keys: [],
    aggs: [{ name: 'row_count', fn: 'count_star', site }],
    schema: [{ name: 'row_count', type: ty.int64() }],
    origin: scope.origin,
  };
  const outside: Expr[] = [
    ...(bounds.min !== undefined ? [lt(count, lit(bounds.min, ty.int64()))] : []),
    ...(bounds.max !== undefined ? [gt(count, lit(bounds.max, ty.int64()))] : []),
  ];
  return rowsWhere(counted, or(outside), scope.origin);
}
