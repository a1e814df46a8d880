/**
 * Hand-built Rel trees for pass tests: schemas are derived like the planner derives them.
 */
import type { SqlField, SqlType } from '../../../../src/sdk/schema.js';
import { ty, type Expr, type NamedExpr, type OrderItem } from '../../../../src/compiler/ir/expr.js';
import type { AggCall, Origin, Rel, WindowCall } from '../../../../src/compiler/ir/rel.js';
import type { JoinType } from '../../../../src/sdk/graph.js';

export const site = { file: 'p.ts', line: 1, column: 1 };
export const origin = (name: string): Origin => ({ name, site });

export const S = ty.string();
export const I = ty.int64();
export const B = ty.bool();

export const f = (name: string, type: SqlType = S): SqlField => ({ name, type });
export const c = (name: string, type: SqlType = S, rel?: string): Expr => (rel ? { k: 'col', name, rel, type } : { k: 'col', name, type });
export const l = (value: string | number | boolean | null, type: SqlType = S): Expr => ({ k: 'lit', value, type });
export const call = (op: Extract<Expr, { k: 'op' }>['op'], args: Expr[], type: SqlType = B): Expr => ({ k: 'op', op, args, type });
export const eq = (a: Expr, b: Expr) => call('eq', [a, b]);
export const gt = (a: Expr, b: Expr) => call('gt', [a, b]);
export const ne = (name: string, expr: Expr): NamedExpr => ({ name, expr });

export function scan(name: string, fields: SqlField[]): Rel {
  return { k: 'scan', table: { kind: 'source', name }, schema: fields, origin: origin(`read_${name}`) };
}

export function project(input: Rel, columns: NamedExpr[], where?: Expr, name = 'map'): Rel {
  return { k: 'project', input, columns, schema: columns.map((x) => ({ name: x.name, type: x.expr.type })), origin: origin(name), ...(where ? { where } : {}) };
}

export function filter(input: Rel, where: Expr, name = 'filter'): Rel {
  return project(input, input.schema.map((x) => ne(x.name, c(x.name, x.type))), where, name);
}

export function aggregate(input: Rel, keys: NamedExpr[], aggs: (AggCall & { type: SqlType })[], where?: Expr): Rel {
  return {
    k: 'aggregate',
    input,
    keys,
    aggs: aggs.map(({ type: _t, ...a }) => a),
    schema: [...keys.map((k) => ({ name: k.name, type: k.expr.type })), ...aggs.map((a) => ({ name: a.name, type: a.type }))],
    origin: origin('aggregate'),
    ...(where ? { where } : {}),
  };
}

export function join(left: Rel, right: Rel, joinType: JoinType, on: Expr, columns: NamedExpr[]): Rel {
  return { k: 'join', left, right, joinType, on, columns, schema: columns.map((x) => ({ name: x.name, type: x.expr.type })), origin: origin('join') };
}

export function union(...inputs: Rel[]): Rel {
  return { k: 'union', inputs, schema: inputs[0]!.schema, origin: origin('union') };
}

export function distinct(input: Rel): Rel {
  return { k: 'distinct', input, schema: input.schema, origin: origin('distinct') };
}

export function window(input: Rel, partition: Expr[], order: OrderItem[], calls: (WindowCall & { type: SqlType; helper?: boolean })[], qualify?: Expr): Rel {
  return {
    k: 'window',
    input,
    partition,
    order,
    columns: calls.map(({ type: _t, helper: _h, ...w }) => w),
    schema: [...input.schema, ...calls.filter((w) => !w.helper).map((w) => ({ name: w.name, type: w.type }))],
    origin: origin('window'),
    ...(qualify ? { qualify } : {}),
  };
}

export function unnest(input: Rel, array: Expr, columns: NamedExpr[]): Rel {
  return { k: 'unnest', input, array, columns, schema: columns.map((x) => ({ name: x.name, type: x.expr.type })), origin: origin('flatMap') };
}

/** Node kinds from the root down the first input: a quick picture of a plan's shape. */
export function spine(rel: Rel): string[] {
  const out: string[] = [];
  let cur: Rel | undefined = rel;
  while (cur) {
    out.push(cur.k);
    cur = cur.k === 'scan' ? undefined : cur.k === 'join' ? cur.left : cur.k === 'union' ? cur.inputs[0] : cur.input;
  }
  return out;
}
