/**
 * A tiny in-memory interpreter of the relational IR, for checking that passes keep a plan's
 * meaning: optimized and unoptimized plans must return the same rows on the same data.
 * It covers the operations the pass tests use, with SQL NULL semantics; anything else throws.
 */
import { componentRows } from '../../../../src/runners/direct/nodes/components.js';
import type { Expr, OrderItem } from '../../../../src/compiler/ir/expr.js';
import type { AggCall, Rel, WindowCall } from '../../../../src/compiler/ir/rel.js';

export type Value = string | number | boolean | null | Value[];
export type Row = Record<string, Value>;
export type Tables = Record<string, Row[]>;

interface Scope {
  readonly row: Row;
  readonly left?: Row;
  readonly right?: Row;
  readonly elem?: Value;
  readonly offset?: number;
}

const isNull = (v: Value | undefined): v is null | undefined => v === null || v === undefined;

function compare(a: Value, b: Value): number {
  if (isNull(a)) return isNull(b) ? 0 : -1;
  if (isNull(b)) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function evalOp(op: string, args: Value[]): Value {
  const [a, b] = args;
  const strict = (f: () => Value) => (args.some(isNull) ? null : f());
  switch (op) {
    case 'and':
      return args.some((x) => x === false) ? false : args.some(isNull) ? null : true;
    case 'or':
      return args.some((x) => x === true) ? true : args.some(isNull) ? null : false;
    case 'not':
      return strict(() => !a);
    case 'is_null':
      return isNull(a);
    case 'is_not_null':
      return !isNull(a);
    case 'coalesce':
      return args.find((x) => !isNull(x)) ?? null;
    case 'eq':
      return strict(() => compare(a!, b!) === 0);
    case 'neq':
      return strict(() => compare(a!, b!) !== 0);
    case 'lt':
      return strict(() => compare(a!, b!) < 0);
    case 'le':
      return strict(() => compare(a!, b!) <= 0);
    case 'gt':
      return strict(() => compare(a!, b!) > 0);
    case 'ge':
      return strict(() => compare(a!, b!) >= 0);
    case 'in':
      return isNull(a) ? null : args.slice(1).some((x) => compare(a, x) === 0);
    case 'add':
      return strict(() => (a as number) + (b as number));
    case 'sub':
      return strict(() => (a as number) - (b as number));
    case 'mul':
      return strict(() => (a as number) * (b as number));
    case 'upper':
      return strict(() => (a as string).toUpperCase());
    case 'concat':
      return strict(() => args.join(''));
    case 'to_string':
      return strict(() => String(a));
    case 'add_seconds':
      // Timestamps are plain numbers of seconds in these tests.
      return strict(() => (a as number) + (b as number));
    case 'unix_seconds':
      return strict(() => Math.floor(a as number));
    case 'split':
      return strict(() => (a as string).split(b as string));
    default:
      throw new Error(`evaluate: op ${op} not supported`);
  }
}

export function evalExpr(e: Expr, s: Scope): Value {
  switch (e.k) {
    case 'col': {
      const row = e.rel === 'left' ? s.left : e.rel === 'right' ? s.right : s.row;
      return row?.[e.name] ?? null;
    }
    case 'lit':
      return e.value;
    case 'op':
      return evalOp(e.op, e.args.map((a) => evalExpr(a, s)));
    case 'case':
      for (const w of e.whens) if (evalExpr(w.when, s) === true) return evalExpr(w.then, s);
      return evalExpr(e.else, s);
    case 'elem':
      return s.elem ?? null;
    case 'elem_offset':
      return s.offset ?? null;
    default:
      throw new Error(`evaluate: expression ${e.k} not supported`);
  }
}

const holds = (e: Expr | undefined, s: Scope) => !e || evalExpr(e, s) === true;

function sortRows(rows: Row[], order: readonly OrderItem[]): Row[] {
  return [...rows].sort((x, y) => {
    for (const o of order) {
      const d = compare(evalExpr(o.expr, { row: x }), evalExpr(o.expr, { row: y }));
      if (d !== 0) return o.desc ? -d : d;
    }
    return 0;
  });
}

function groups(rows: Row[], keys: readonly Expr[]): Row[][] {
  const out = new Map<string, Row[]>();
  for (const row of rows) {
    const id = JSON.stringify(keys.map((k) => evalExpr(k, { row })));
    out.set(id, [...(out.get(id) ?? []), row]);
  }
  return [...out.values()];
}

function aggregate(call: AggCall, rows: Row[]): Value {
  const values = call.arg ? rows.map((row) => evalExpr(call.arg!, { row })).filter((v) => !isNull(v)) : [];
  switch (call.fn) {
    case 'count_star':
      return rows.length;
    case 'count_if':
      return values.filter((v) => v === true).length;
    case 'sum':
      return values.length === 0 ? null : (values as number[]).reduce((a, b) => a + b, 0);
    case 'min':
      return values.length === 0 ? null : [...values].sort(compare)[0]!;
    case 'max':
      return values.length === 0 ? null : [...values].sort(compare).at(-1)!;
    default:
      throw new Error(`evaluate: aggregate ${call.fn} not supported`);
  }
}

function windowValues(call: WindowCall, part: Row[], i: number): Value {
  const arg = (row: Row) => (call.arg ? evalExpr(call.arg, { row }) : null);
  switch (call.fn) {
    case 'row_number':
      return i + 1;
    case 'lag':
      return i - (call.offset ?? 1) >= 0 ? arg(part[i - (call.offset ?? 1)]!) : null;
    case 'running_sum': {
      const vs = part.slice(0, i + 1).map(arg).filter((v) => !isNull(v)) as number[];
      return vs.length === 0 ? null : vs.reduce((a, b) => a + b, 0);
    }
    case 'partition_min':
      return part.map(arg).filter((v) => !isNull(v)).sort(compare)[0] ?? null;
    case 'partition_max':
      return part.map(arg).filter((v) => !isNull(v)).sort(compare).at(-1) ?? null;
    default:
      throw new Error(`evaluate: window ${call.fn} not supported`);
  }
}

const pick = (row: Row, rel: Rel): Row => Object.fromEntries(rel.schema.map((f) => [f.name, row[f.name] ?? null]));

/** The rows `rel` computes over `tables`, each with exactly the schema's columns. */
export function evaluate(rel: Rel, tables: Tables): Row[] {
  switch (rel.k) {
    case 'scan':
      return (tables[rel.table.name] ?? []).map((row) => pick(row, rel));
    case 'project':
      return evaluate(rel.input, tables)
        .filter((row) => holds(rel.where, { row }))
        .map((row) => Object.fromEntries(rel.columns.map((c) => [c.name, evalExpr(c.expr, { row })])));
    case 'aggregate': {
      const rows = evaluate(rel.input, tables).filter((row) => holds(rel.where, { row }));
      const parts = rel.keys.length === 0 ? [rows] : groups(rows, rel.keys.map((k) => k.expr));
      return parts.map((part) => ({
        ...Object.fromEntries(rel.keys.map((k) => [k.name, evalExpr(k.expr, { row: part[0]! })])),
        ...Object.fromEntries(rel.aggs.map((a) => [a.name, aggregate(a, part)])),
      }));
    }
    case 'join': {
      const lefts = evaluate(rel.left, tables);
      const rights = evaluate(rel.right, tables);
      const nullRow = (r: Rel): Row => Object.fromEntries(r.schema.map((f) => [f.name, null]));
      const out: Row[] = [];
      const matchedRight = new Set<number>();
      const emit = (left: Row, right: Row) => out.push(Object.fromEntries(rel.columns.map((c) => [c.name, evalExpr(c.expr, { row: {}, left, right })])));
      for (const left of lefts) {
        let matched = false;
        rights.forEach((right, j) => {
          if (evalExpr(rel.on, { row: {}, left, right }) === true) {
            matched = true;
            matchedRight.add(j);
            emit(left, right);
          }
        });
        if (!matched && rel.joinType !== 'inner') emit(left, nullRow(rel.right));
      }
      if (rel.joinType === 'full') rights.forEach((right, j) => matchedRight.has(j) || emit(nullRow(rel.left), right));
      return out;
    }
    case 'union':
      return rel.inputs.flatMap((input) => evaluate(input, tables).map((row) => pick(row, rel)));
    case 'distinct': {
      const seen = new Map<string, Row>();
      for (const row of evaluate(rel.input, tables)) seen.set(JSON.stringify(pick(row, rel)), pick(row, rel));
      return [...seen.values()];
    }
    case 'window': {
      const rows = evaluate(rel.input, tables).filter((row) => holds(rel.where, { row }));
      const out: Row[] = [];
      for (const part of groups(rows, rel.partition)) {
        const sorted = sortRows(part, rel.order);
        sorted.forEach((row, i) => {
          const full = { ...row, ...Object.fromEntries(rel.columns.map((c) => [c.name, windowValues(c, sorted, i)])) };
          if (holds(rel.qualify, { row: full })) out.push(pick(full, rel));
        });
      }
      return out;
    }
    case 'unnest':
      return evaluate(rel.input, tables).flatMap((row) => {
        const array = evalExpr(rel.array, { row });
        return (Array.isArray(array) ? array : [])
          .map((elem, offset) => ({ row, elem, offset }))
          .filter((s) => holds(rel.where, s))
          .map((s) => Object.fromEntries(rel.columns.map((c) => [c.name, evalExpr(c.expr, s)])));
      });
    case 'components':
      return componentRows(evaluate(rel.input, tables)) as Row[];
  }
}

/** Rows as a sorted list of JSON strings: a multiset, for order-free comparison. */
export function bag(rows: Row[]): string[] {
  return rows.map((r) => JSON.stringify(r)).sort();
}
