/**
 * Runs one IR operation on DuckDB over table rows and compares with the JavaScript
 * expression it stands for: JS semantics are the specification.
 */
import { expect } from 'chai';
import type { SqlType } from '../../../src/sdk/schema.js';
import { ty, type Expr, type OpName } from '../../../src/compiler/ir/expr.js';
import type { Rel } from '../../../src/compiler/ir/rel.js';
import { col, duck, flatNames, op, origin, scan, ScratchDb } from './helpers.js';

export interface OpCase {
  readonly op: OpName;
  /** Column types of the row values, in argument order. */
  readonly args: readonly SqlType[];
  readonly result: SqlType;
  readonly rows: readonly (readonly unknown[])[];
  /** The JavaScript meaning, given one row's values. */
  readonly js: (...values: never[]) => unknown;
  /** Literal arguments appended after the columns (regex patterns, IN lists...). */
  readonly extra?: readonly Expr[];
  readonly label?: string;
}

let counter = 0;

/** Normalizes values for comparison: -0 is 0, Dates are epoch ms, bigint is number. */
function normalize(value: unknown): unknown {
  if (value instanceof Date) return `date:${value.getTime()}`;
  if (typeof value === 'number' && Object.is(value, -0)) return 0;
  if (Array.isArray(value)) return value.map(normalize);
  return value;
}

/** Evaluates `c` on DuckDB and asserts it equals the JS result on every row. */
export async function checkOp(db: ScratchDb, c: OpCase): Promise<void> {
  const table = `t${++counter}`;
  const fields = [{ name: 'i', type: ty.int64() }, ...c.args.map((type, n) => ({ name: `a${n}`, type }))];
  await db.table(table, fields, c.rows.map((row, i) => [i, ...row]));
  const input = scan(table, fields);
  const expr = op(c.op, [...c.args.map((type, n) => col(`a${n}`, type)), ...(c.extra ?? [])], c.result);
  const rel: Rel = {
    k: 'project',
    input,
    columns: [
      { name: 'i', expr: col('i', ty.int64()) },
      { name: 'r', expr },
    ],
    schema: [
      { name: 'i', type: ty.int64() },
      { name: 'r', type: c.result },
    ],
    origin: origin(`ops/${c.op}`, 2),
  };
  const sql = duck.query(rel, flatNames);
  const rows = (await db.rows(sql)).sort((a, b) => (a['i'] as number) - (b['i'] as number));
  const actual = rows.map((r) => normalize(r['r']));
  const expected = c.rows.map((row) => normalize((c.js as (...v: unknown[]) => unknown)(...row)));
  expect(actual, `${c.label ?? c.op} on ${JSON.stringify(c.rows)}\n${sql}`).to.deep.equal(expected);
}

/** Null in → null out, else `f`. */
export const strict =
  <A extends unknown[]>(f: (...args: A) => unknown) =>
  (...args: A): unknown =>
    args.some((a) => a === null) ? null : f(...args);

export const F = ty.float64(true);
export const I = ty.int64(true);
export const S = ty.string(true);
export const B = ty.bool(true);
export const TS = ty.timestamp(true);
export const ARR_S: SqlType = { kind: 'ARRAY', nullable: true, element: ty.string() };
