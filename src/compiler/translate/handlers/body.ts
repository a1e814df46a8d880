/** Block bodies of lambdas and helpers: `const` declarations, `if (...) return ...;`, `return`. */
import { nonNullWhen } from '../narrowing.js';
import { Node, type Statement } from 'ts-morph';
import type { Expr } from '../../ir/expr.js';
import { caseWhen } from '../build.js';
import type { Continue, Cx } from '../context.js';
import { fail } from '../errors.js';
import { bindName } from '../params.js';
import { unify } from '../types.js';
import { isExpr, type Val } from '../values.js';
import { structType } from './structures.js';

/** `const x = ...;` (several declarators allowed); `let` / `var` are refused. */
export function constStatement(stmt: Statement, rest: readonly Statement[], cx: Cx, next: Continue): Val {
  if (!Node.isVariableStatement(stmt)) return fail(stmt, 'expected a const declaration');
  if (stmt.getDeclarationKind() !== 'const') {
    fail(stmt, `'${stmt.getDeclarationKind()}' declares a mutable variable`, 'use const (lambdas must be pure)');
  }
  for (const decl of stmt.getDeclarations()) {
    const init = decl.getInitializer();
    if (!init) fail(decl, 'a const needs an initializer');
    bindName(decl.getNameNode(), cx.val(init), cx.scope, cx);
  }
  return next(rest);
}

function statementsOf(stmt: Statement): readonly Statement[] {
  return Node.isBlock(stmt) ? stmt.getStatements() : [stmt];
}

/** Two branch results meeting in one value: CASE, field by field for object results. */
function merge(when: Expr, then: Val, otherwise: Val, node: Node): Val {
  if (!isExpr(then) || !isExpr(otherwise)) return fail(node, 'both branches must return values (not whole rows)', 'return object literals, e.g. { ...r }');
  if (then.k === 'struct' && otherwise.k === 'struct') {
    const names = then.fields.map((f) => f.name);
    const same = names.length === otherwise.fields.length && names.every((n) => otherwise.fields.some((f) => f.name === n));
    if (!same) fail(node, 'both branches must return objects with the same keys');
    const fields = then.fields.map((f) => ({ name: f.name, expr: merge(when, f.expr, otherwise.fields.find((g) => g.name === f.name)!.expr, node) as Expr }));
    return { k: 'struct', fields, type: structType(fields) };
  }
  const u = unify([then, otherwise], node, 'the branches of this if');
  return caseWhen(when, u.exprs[0]!, u.exprs[1]!, u.type);
}

/** `if (c) return a; ...rest` (or with `else`): every branch must end in return. */
export function ifStatement(stmt: Statement, rest: readonly Statement[], cx: Cx, next: Continue): Val {
  if (!Node.isIfStatement(stmt)) return fail(stmt, 'expected an if statement');
  const condition = stmt.getExpression();
  const when = cx.bool(condition);
  const then = cx.assuming(nonNullWhen(condition, true), () => cx.within(cx.scope.child(), () => next(statementsOf(stmt.getThenStatement()))));
  const elseStmt = stmt.getElseStatement();
  const otherwise = cx.assuming(nonNullWhen(condition, false), () =>
    cx.within(cx.scope.child(), () => next(elseStmt ? statementsOf(elseStmt) : rest)),
  );
  return merge(when, then, otherwise, stmt);
}

/** `return x;` */
export function returnStatement(stmt: Statement, _rest: readonly Statement[], cx: Cx): Val {
  if (!Node.isReturnStatement(stmt)) return fail(stmt, 'expected return');
  const value = stmt.getExpression();
  if (!value) return fail(stmt, 'return without a value returns undefined', 'return null, or a value');
  return cx.val(value);
}
