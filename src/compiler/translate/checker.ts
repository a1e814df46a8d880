/**
 * Questions asked of the TypeScript checker about the JS types of lambda sub-expressions: only
 * where the SQL types and the syntax cannot tell (see nullness.ts), as the checker is slow.
 */
import type { Type } from 'ts-morph';

function parts(t: Type): Type[] {
  return t.isUnion() ? t.getUnionTypes() : [t];
}

const isNullish = (t: Type) => t.isNull() || t.isUndefined();

/** The type without null / undefined constituents. */
function core(t: Type): Type[] {
  return parts(t).filter((p) => !isNullish(p));
}

export function canBeNull(t: Type): boolean {
  return parts(t).some((p) => p.isNull()) || t.isAny() || t.isUnknown();
}

export function canBeUndefined(t: Type): boolean {
  return parts(t).some((p) => p.isUndefined()) || t.isAny() || t.isUnknown();
}

/** A string (or string literal / template literal type), possibly nullable. */
export function isStringType(t: Type): boolean {
  const c = core(t);
  return c.length > 0 && c.every((p) => p.isString() || p.isStringLiteral() || p.isTemplateLiteral());
}

