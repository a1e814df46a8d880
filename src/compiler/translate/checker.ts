/** Questions asked of the TypeScript checker about the JS types of lambda sub-expressions. */
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

/** `boolean`, `true`, `false`, possibly nullable. */
export function isBooleanType(t: Type): boolean {
  const c = core(t);
  return c.length > 0 && c.every((p) => p.isBoolean() || p.isBooleanLiteral());
}

/** Whether the checker gave up on the type (`any` / `unknown`): fall back to the SQL types. */
export function isOpaque(t: Type): boolean {
  return t.isAny() || t.isUnknown();
}
