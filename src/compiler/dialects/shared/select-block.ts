/**
 * One Rel node → one SELECT block (lines of SQL, unindented). Inputs are referred to through
 * `source`, which yields a quoted table path for scans and a CTE name for everything else.
 */
import type { CallSite } from '../../../sdk/callsite.js';
import { SluiceError } from '../../../sdk/errors.js';
import type { Expr, OrderItem } from '../../ir/expr.js';
import type { AggCall, Rel, WindowCall } from '../../ir/rel.js';
import { failAt, lookupBuilder } from './lookup.js';
import { renderTop, type ExprScope } from './render-expr.js';
import type { DialectSpec } from './sql-spec.js';

export interface BlockEnv {
  readonly spec: DialectSpec;
  /** The FROM item of an input relation. */
  source(rel: Rel): string;
}

type RelOf<K extends Rel['k']> = Extract<Rel, { k: K }>;

interface SelectItem {
  readonly sql: string;
  readonly name: string;
}

/** Renders a Rel node as the lines of one SELECT statement (a union renders its branches). */
export function renderBlock(rel: Rel, env: BlockEnv): string[] {
  switch (rel.k) {
    case 'scan':
      return [...selectList(env, columnItems(rel, env)), `FROM ${env.source(rel)}`];
    case 'project':
      return projectBlock(rel, env);
    case 'aggregate':
      return aggregateBlock(rel, env);
    case 'join':
      return joinBlock(rel, env);
    case 'union':
      return rel.inputs.flatMap((input, i) => [
        ...(i > 0 ? ['UNION ALL'] : []),
        ...selectList(env, columnItems(rel, env)),
        `FROM ${env.source(input)}`,
      ]);
    case 'distinct':
      return [...selectList(env, columnItems(rel, env), 'SELECT DISTINCT'), `FROM ${env.source(rel.input)}`];
    case 'window':
      return windowBlock(rel, env);
    case 'unnest':
      return unnestBlock(rel, env);
    case 'components':
      // The compile driver replaces components with a loop program before emitting.
      throw new SluiceError('connected components cannot be emitted as one SELECT', rel.origin.site);
  }
}

function selectList(env: BlockEnv, items: readonly SelectItem[], keyword = 'SELECT'): string[] {
  const { ident } = env.spec.syntax;
  return [
    keyword,
    ...items.map((item, i) => {
      const alias = ident(item.name);
      const text = item.sql === alias ? alias : `${item.sql} AS ${alias}`;
      return `  ${text}${i < items.length - 1 ? ',' : ''}`;
    }),
  ];
}

/** Every output column of `rel`, read by name from its single input. */
function columnItems(rel: Rel, env: BlockEnv): SelectItem[] {
  return rel.schema.map((f) => ({ sql: env.spec.syntax.ident(f.name), name: f.name }));
}

/** Columns of a single input, read unqualified. */
function plainScope(env: BlockEnv, site: CallSite): ExprScope {
  return {
    site,
    col: (name, rel, at) => {
      if (rel === 'left' || rel === 'right') {
        throw new SluiceError(`column '${name}' refers to the ${rel} side outside a join`, at);
      }
      return env.spec.syntax.ident(name);
    },
  };
}

function whereLines(env: BlockEnv, where: Expr | undefined, scope: ExprScope): string[] {
  return where ? [`WHERE ${renderTop(env.spec, where, scope)}`] : [];
}

function projectBlock(rel: RelOf<'project'>, env: BlockEnv): string[] {
  const scope = plainScope(env, rel.origin.site);
  return [
    ...selectList(env, rel.columns.map((c) => ({ sql: renderTop(env.spec, c.expr, scope), name: c.name }))),
    `FROM ${env.source(rel.input)}`,
    ...whereLines(env, rel.where, scope),
  ];
}

function aggregateBlock(rel: RelOf<'aggregate'>, env: BlockEnv): string[] {
  const scope = plainScope(env, rel.origin.site);
  const items = [
    ...rel.keys.map((k) => ({ sql: renderTop(env.spec, k.expr, scope), name: k.name })),
    ...rel.aggs.map((a) => ({ sql: renderAgg(a, env, scope), name: a.name })),
  ];
  const groupBy = rel.keys.length ? [`GROUP BY ${rel.keys.map((_, i) => i + 1).join(', ')}`] : [];
  return [...selectList(env, items), `FROM ${env.source(rel.input)}`, ...whereLines(env, rel.where, scope), ...groupBy];
}

function orderList(env: BlockEnv, order: readonly OrderItem[], scope: ExprScope, context: 'aggregate' | 'window', reverse = false): string {
  return order
    .map((o) => env.spec.syntax.orderItem(renderTop(env.spec, o.expr, scope), o.desc !== reverse, context, o.expr.type))
    .join(', ');
}

function renderAgg(agg: AggCall, env: BlockEnv, scope: ExprScope): string {
  const { spec } = env;
  const fail = failAt(agg.site, spec.syntax.name, `aggregate '${agg.fn}'`);
  const build = lookupBuilder(spec.aggs, agg.fn, 'aggregate', spec.syntax.name, agg.site);
  const argScope = { ...scope, site: agg.site };
  return build({
    agg,
    syntax: spec.syntax,
    fail,
    arg: () => (agg.arg ? renderTop(spec, agg.arg, argScope) : fail('needs an argument')),
    argType: () => (agg.arg ? agg.arg.type : fail('needs an argument')),
    order: (reverse = false) =>
      agg.order?.length ? orderList(env, agg.order, argScope, 'aggregate', reverse) : fail('needs an ordering'),
  });
}

function joinBlock(rel: RelOf<'join'>, env: BlockEnv): string[] {
  const { ident } = env.spec.syntax;
  const scope: ExprScope = {
    site: rel.origin.site,
    col: (name, side, at) => {
      if (side === 'left') return `l.${ident(name)}`;
      if (side === 'right') return `r.${ident(name)}`;
      throw new SluiceError(`join column '${name}' does not say which side it reads`, at);
    },
  };
  const keyword = { inner: 'INNER JOIN', left: 'LEFT OUTER JOIN', full: 'FULL OUTER JOIN' }[rel.joinType];
  return [
    ...selectList(env, rel.columns.map((c) => ({ sql: renderTop(env.spec, c.expr, scope), name: c.name }))),
    `FROM ${env.source(rel.left)} AS l`,
    `${keyword} ${env.source(rel.right)} AS r`,
    `  ON ${renderTop(env.spec, rel.on, scope)}`,
  ];
}

function windowBlock(rel: RelOf<'window'>, env: BlockEnv): string[] {
  const { spec } = env;
  const scope = plainScope(env, rel.origin.site);
  const windowSql = new Map(rel.columns.map((w) => [w.name, renderWindow(w, rel, env, scope)] as const));
  const items = rel.schema.map((f) => ({ sql: windowSql.get(f.name) ?? spec.syntax.ident(f.name), name: f.name }));
  // QUALIFY reads window columns by name; inlining their expressions keeps helper columns
  // (those missing from the schema) out of the output and avoids alias-scoping rules.
  const qualifyScope: ExprScope = {
    ...scope,
    col: (name, side, at) => windowSql.get(name) ?? scope.col(name, side, at),
  };
  const where = rel.where ? whereLines(env, rel.where, scope) : rel.qualify && spec.qualifyNeedsWhere ? ['WHERE TRUE'] : [];
  return [
    ...selectList(env, items),
    `FROM ${env.source(rel.input)}`,
    ...where,
    ...(rel.qualify ? [`QUALIFY ${renderTop(spec, rel.qualify, qualifyScope)}`] : []),
  ];
}

function renderWindow(win: WindowCall, rel: RelOf<'window'>, env: BlockEnv, scope: ExprScope): string {
  const { spec } = env;
  const fail = failAt(win.site, spec.syntax.name, `window function '${win.fn}'`);
  const build = lookupBuilder(spec.windows, win.fn, 'window function', spec.syntax.name, win.site);
  const argScope = { ...scope, site: win.site };
  const partition = rel.partition.length
    ? `PARTITION BY ${rel.partition.map((p) => renderTop(spec, p, argScope)).join(', ')}`
    : '';
  const order = rel.order.length ? `ORDER BY ${orderList(env, rel.order, argScope, 'window')}` : '';
  return build({
    win,
    syntax: spec.syntax,
    fail,
    arg: () => (win.arg ? renderTop(spec, win.arg, argScope) : fail('needs an argument')),
    over: (frame) => {
      const parts =
        frame === 'partition'
          ? [partition]
          : [partition, order, frame === 'running' ? 'ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW' : ''];
      return `OVER (${parts.filter((p) => p.length > 0).join(' ')})`;
    },
  });
}

function unnestBlock(rel: RelOf<'unnest'>, env: BlockEnv): string[] {
  const { spec } = env;
  const { ident } = spec.syntax;
  const scope: ExprScope = {
    site: rel.origin.site,
    col: (name) => `src.${ident(name)}`,
    elem: spec.unnest.elem,
    elemOffset: spec.unnest.offset,
  };
  return [
    ...selectList(env, rel.columns.map((c) => ({ sql: renderTop(spec, c.expr, scope), name: c.name }))),
    `FROM ${env.source(rel.input)} AS src`,
    spec.unnest.join(renderTop(spec, rel.array, scope)),
    ...whereLines(env, rel.where, scope),
  ];
}
