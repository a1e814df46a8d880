/**
 * Compares a model's SDK-inferred columns with the columns its BigQuery SQL produces, as
 * ZetaSQL resolved them: names, order and type kinds, recursing into ARRAY elements and
 * STRUCT fields. Nullability is not compared: ZetaSQL types carry none.
 */
import type { SqlField, SqlType } from '../../sdk/schema.js';

/** Renders a type with BigQuery names, ignoring nullability: `ARRAY<STRUCT<a INT64>>`. */
export function typeName(type: SqlType): string {
  switch (type.kind) {
    case 'ARRAY':
      return `ARRAY<${typeName(type.element!)}>`;
    case 'STRUCT':
      return `STRUCT<${type.fields!.map((f) => `${f.name} ${typeName(f.type)}`).join(', ')}>`;
    default:
      return type.kind;
  }
}

/** Whether two types are equal up to nullability (STRUCT field names and order included). */
export function sameType(a: SqlType, b: SqlType): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'ARRAY') return sameType(a.element!, b.element!);
  if (a.kind === 'STRUCT') {
    const [fa, fb] = [a.fields!, b.fields!];
    return fa.length === fb.length && fa.every((f, i) => f.name === fb[i]!.name && sameType(f.type, fb[i]!.type));
  }
  return true;
}

/**
 * The differences between `expected` (what the SDK inferred, what Sluice promises the
 * model's readers) and `actual` (what the SQL produces), one readable line each; empty
 * when they agree.
 */
export function columnDifferences(expected: readonly SqlField[], actual: readonly SqlField[]): string[] {
  const problems: string[] = [];
  const actualByName = new Map(actual.map((c) => [c.name, c]));
  const expectedNames = new Set(expected.map((c) => c.name));
  for (const column of expected) {
    const found = actualByName.get(column.name);
    if (!found) problems.push(`column ${column.name} (${typeName(column.type)}) is missing from the SQL output`);
    else if (!sameType(column.type, found.type)) {
      problems.push(`column ${column.name}: the SDK infers ${typeName(column.type)}, the SQL produces ${typeName(found.type)}`);
    }
  }
  for (const column of actual) {
    if (!expectedNames.has(column.name)) problems.push(`the SQL outputs column ${column.name} (${typeName(column.type)}), which the SDK does not infer`);
  }
  if (problems.length === 0) {
    const [want, got] = [expected.map((c) => c.name), actual.map((c) => c.name)];
    if (want.join(',') !== got.join(',')) problems.push(`column order differs: the SDK infers (${want.join(', ')}), the SQL produces (${got.join(', ')})`);
  }
  return problems;
}
