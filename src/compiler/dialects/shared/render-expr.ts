/**
 * The shared expression visitor: structure here, spelling in the dialect's hooks and tables.
 */
import type { CallSite } from '../../../sdk/callsite.js';
import { SluiceError } from '../../../sdk/errors.js';
import type { Expr } from '../../ir/expr.js';
import { failAt, lookupBuilder } from './lookup.js';
import { unwrap } from './parens.js';
import type { DialectSpec } from './sql-spec.js';

/** What column and element references mean inside one SELECT block. */
export interface ExprScope {
  /** Renders a column of an input relation (`rel` is 'left' / 'right' in joins). */
  col(name: string, rel: string | undefined, site: CallSite): string;
  /** The UNNEST element and its offset; absent outside unnest blocks. */
  readonly elem?: string;
  readonly elemOffset?: string;
  /** Where errors point when an expression has no site of its own: the Rel node's origin. */
  readonly site: CallSite;
}

/** Renders an expression, keeping its outer parentheses (for use as an operand). */
export function renderExpr(spec: DialectSpec, expr: Expr, scope: ExprScope): string {
  const { syntax } = spec;
  const sub = (e: Expr): string => renderExpr(spec, e, scope);
  switch (expr.k) {
    case 'col':
      return scope.col(expr.name, expr.rel, scope.site);
    case 'lit':
      return syntax.literal(expr.value, expr.type, scope.site);
    case 'op': {
      const site = expr.site ?? scope.site;
      const build = lookupBuilder(spec.ops, expr.op, 'operation', syntax.name, site);
      return build({
        op: expr.op,
        expr,
        args: expr.args.map(sub),
        syntax,
        fail: failAt(site, syntax.name, `operation '${expr.op}'`),
      });
    }
    case 'case': {
      const whens = expr.whens.map((w) => `WHEN ${renderTop(spec, w.when, scope)} THEN ${renderTop(spec, w.then, scope)}`);
      return `CASE ${whens.join(' ')} ELSE ${renderTop(spec, expr.else, scope)} END`;
    }
    case 'struct':
      return syntax.struct(
        expr.fields.map((f) => ({ name: f.name, sql: renderTop(spec, f.expr, scope) })),
        expr.type,
      );
    case 'array':
      return syntax.array(expr.items.map((i) => renderTop(spec, i, scope)), expr.type);
    case 'field': {
      const of = sub(expr.of);
      const path = /^[\w.`"]+$/.test(of) ? of : `(${of})`;
      return `${path}.${syntax.ident(expr.name)}`;
    }
    case 'elem':
    case 'elem_offset': {
      const sql = expr.k === 'elem' ? scope.elem : scope.elemOffset;
      if (sql === undefined) {
        throw new SluiceError(`'${expr.k}' used outside of a flatMap (UNNEST) step`, scope.site);
      }
      return sql;
    }
  }
}

/** Renders an expression standing on its own (select item, clause): outer parentheses dropped. */
export function renderTop(spec: DialectSpec, expr: Expr, scope: ExprScope): string {
  return unwrap(renderExpr(spec, expr, scope), spec.syntax.backslashEscapes);
}
