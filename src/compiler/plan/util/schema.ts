/**
 * Schema helpers: output schemas of SELECT lists, lookups, and fresh helper column names.
 */
import type { SqlField, SqlType } from '../../../sdk/schema.js';
import { withNullable, type NamedExpr } from '../../ir/expr.js';

/**
 * The output schema of a SELECT list. A column that passes an input column through under
 * the same name keeps that column's description.
 */
export function schemaOf(columns: readonly NamedExpr[], input: readonly SqlField[] = []): SqlField[] {
  const described = new Map(input.filter((f) => f.description !== undefined).map((f) => [f.name, f.description!]));
  return columns.map((c) => {
    const description = c.expr.k === 'col' && c.expr.name === c.name ? described.get(c.name) : undefined;
    return description === undefined ? { name: c.name, type: c.expr.type } : { name: c.name, type: c.expr.type, description };
  });
}

/** The same fields, every one nullable: the unmatched side of an outer join. */
export function nullableFields(fields: readonly SqlField[]): SqlField[] {
  return fields.map((f) => ({ ...f, type: withNullable(f.type, true) }));
}

export function fieldNamed(fields: readonly SqlField[], name: string): SqlField | undefined {
  return fields.find((f) => f.name === name);
}

/** `base`, or `base_2`, `base_3`, ... : the first name not in `taken`. */
export function freshName(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}_${n}`)) n++;
  return `${base}_${n}`;
}

/** Keeps the fields whose name is in `names`, in schema order. */
export function pickFields(fields: readonly SqlField[], names: ReadonlySet<string>): SqlField[] {
  return fields.filter((f) => names.has(f.name));
}

/** Types equal up to nullability (at every level). */
export function sameKind(a: SqlType, b: SqlType): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'ARRAY') return sameKind(a.element!, b.element!);
  if (a.kind === 'STRUCT') {
    const fa = a.fields ?? [];
    const fb = b.fields ?? [];
    return fa.length === fb.length && fa.every((f, i) => f.name === fb[i]!.name && sameKind(f.type, fb[i]!.type));
  }
  return true;
}

export function isNumeric(type: SqlType): boolean {
  return type.kind === 'INT64' || type.kind === 'FLOAT64' || type.kind === 'NUMERIC';
}

/** BigQuery cannot GROUP BY / DISTINCT / compare these (DuckDB can, so check at compile time). */
export function isGroupable(type: SqlType): boolean {
  if (type.kind === 'ARRAY' || type.kind === 'JSON') return false;
  if (type.kind === 'STRUCT') return (type.fields ?? []).every((f) => isGroupable(f.type));
  return true;
}
