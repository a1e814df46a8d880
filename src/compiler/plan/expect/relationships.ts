/**
 * relationships → the rows whose non-NULL value has no match in the other model:
 *
 *   SELECT <model columns> FROM (SELECT *, value AS __ref_value FROM model WHERE value IS NOT NULL) l
 *   LEFT JOIN (SELECT other_value AS __ref_value, TRUE AS __ref_found FROM other) r
 *     ON l.__ref_value = r.__ref_value
 *   WHERE __ref_found IS NULL
 *
 * (a left anti join). Matched rows may be repeated by the join but are all filtered out, so
 * the other side needs no DISTINCT.
 */
import type { LambdaRef } from '../../../sdk/graph.js';
import { SluiceError } from '../../../sdk/errors.js';
import { typeToString } from '../../../sdk/schema.js';
import { ty, withNullable, type NamedExpr } from '../../ir/expr.js';
import type { Rel } from '../../ir/rel.js';
import { col, eq, fieldRef, identityColumns, isNotNull, isNull, lit } from '../util/exprs.js';
import { freshName, isGroupable, isNumeric, sameKind, schemaOf } from '../util/schema.js';
import { rowsWhere, type ExpectScope } from './scope.js';

export function planRelationships(value: LambdaRef, otherModel: string, otherValue: LambdaRef, scope: ExpectScope): Rel {
  const { translator } = scope.env;
  const site = scope.expectation.site;
  const mine = translator.scalar(value, [{ fields: scope.model.columns }]);
  const otherColumns = scope.env.modelSchema(otherModel, site);
  const theirs = translator.scalar(otherValue, [{ fields: otherColumns }]);
  const comparable = isGroupable(mine.type) && (sameKind(mine.type, theirs.type) || (isNumeric(mine.type) && isNumeric(theirs.type)));
  if (!comparable) {
    throw new SluiceError(`relationships(): cannot compare ${typeToString(mine.type)} with ${typeToString(theirs.type)} of '${otherModel}'`, site);
  }

  const names = scope.model.columns.map((f) => f.name);
  const refValue = freshName('__ref_value', names);
  const found = freshName('__ref_found', names);
  const leftColumns: NamedExpr[] = [...identityColumns(scope.model.columns), { name: refValue, expr: mine }];
  const left: Rel = { k: 'project', input: scope.scan, columns: leftColumns, where: isNotNull(mine), schema: schemaOf(leftColumns, scope.model.columns), origin: scope.origin };

  const otherScan: Rel = { k: 'scan', table: { kind: 'model', name: otherModel }, schema: otherColumns, origin: scope.origin };
  const rightColumns: NamedExpr[] = [
    { name: '__ref_value', expr: theirs },
    { name: '__ref_found', expr: lit(true, ty.bool()) },
  ];
  const right: Rel = { k: 'project', input: otherScan, columns: rightColumns, schema: schemaOf(rightColumns), origin: scope.origin };

  const foundType = ty.bool(true);
  const columns: NamedExpr[] = [...scope.model.columns.map((f) => ({ name: f.name, expr: fieldRef(f, 'left') })), { name: found, expr: col('__ref_found', foundType, 'right') }];
  const joined: Rel = {
    k: 'join',
    left,
    right,
    joinType: 'left',
    on: eq(col(refValue, withNullable(mine.type, false), 'left'), col('__ref_value', theirs.type, 'right')),
    columns,
    schema: schemaOf(columns),
    origin: scope.origin,
  };
  const failing = rowsWhere(joined, isNull(col(found, foundType)), scope.origin);
  return { k: 'project', input: failing, columns: identityColumns(scope.model.columns), schema: scope.model.columns, origin: scope.origin };
}
