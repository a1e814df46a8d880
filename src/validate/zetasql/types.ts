/**
 * Sluice SQL types ↔ ZetaSQL TypeProto. ZetaSQL types carry no nullability, so types read
 * back from ZetaSQL are nullable (array elements excepted: BigQuery forbids NULL elements).
 */
import type { SqlField, SqlType, TypeKind } from '../../sdk/schema.js';
import type { TypeProto, TypeProto__Output } from './proto-types.js';

/** ZetaSQL's TypeKind numbers (as the service returns them) for the kinds harness code meets. */
export const ZetaTypeKind = {
  TYPE_INT32: 1,
  TYPE_INT64: 2,
  TYPE_UINT32: 3,
  TYPE_UINT64: 4,
  TYPE_BOOL: 5,
  TYPE_FLOAT: 6,
  TYPE_DOUBLE: 7,
  TYPE_STRING: 8,
  TYPE_BYTES: 9,
  TYPE_DATE: 10,
  TYPE_ENUM: 15,
  TYPE_ARRAY: 16,
  TYPE_STRUCT: 17,
  TYPE_PROTO: 18,
  TYPE_TIMESTAMP: 19,
  TYPE_TIME: 20,
  TYPE_DATETIME: 21,
  TYPE_GEOGRAPHY: 22,
  TYPE_NUMERIC: 23,
  TYPE_BIGNUMERIC: 24,
  TYPE_EXTENDED: 25,
  TYPE_JSON: 26,
  TYPE_INTERVAL: 27,
  TYPE_RANGE: 29,
} as const;

const SCALAR_TO_ZETA: Record<Exclude<TypeKind, 'ARRAY' | 'STRUCT'>, keyof typeof ZetaTypeKind> = {
  STRING: 'TYPE_STRING',
  INT64: 'TYPE_INT64',
  FLOAT64: 'TYPE_DOUBLE',
  NUMERIC: 'TYPE_NUMERIC',
  BOOL: 'TYPE_BOOL',
  DATE: 'TYPE_DATE',
  TIMESTAMP: 'TYPE_TIMESTAMP',
  JSON: 'TYPE_JSON',
};

const ZETA_TO_SCALAR = new Map<number, TypeKind>(
  Object.entries(SCALAR_TO_ZETA).map(([kind, zeta]) => [ZetaTypeKind[zeta], kind as TypeKind]),
);

/** BigQuery spellings of kinds Sluice does not model, for messages. */
const BIGQUERY_NAMES: Record<number, string> = {
  [ZetaTypeKind.TYPE_INT32]: 'INT32',
  [ZetaTypeKind.TYPE_UINT32]: 'UINT32',
  [ZetaTypeKind.TYPE_UINT64]: 'UINT64',
  [ZetaTypeKind.TYPE_FLOAT]: 'FLOAT32',
  [ZetaTypeKind.TYPE_BYTES]: 'BYTES',
  [ZetaTypeKind.TYPE_ENUM]: 'ENUM',
  [ZetaTypeKind.TYPE_PROTO]: 'PROTO',
  [ZetaTypeKind.TYPE_TIME]: 'TIME',
  [ZetaTypeKind.TYPE_DATETIME]: 'DATETIME',
  [ZetaTypeKind.TYPE_GEOGRAPHY]: 'GEOGRAPHY',
  [ZetaTypeKind.TYPE_BIGNUMERIC]: 'BIGNUMERIC',
  [ZetaTypeKind.TYPE_INTERVAL]: 'INTERVAL',
  [ZetaTypeKind.TYPE_RANGE]: 'RANGE',
};

/** A ZetaSQL type that has no Sluice equivalent (e.g. DATETIME). */
export class UnmodeledTypeError extends Error {
  constructor(readonly typeName: string) {
    super(`type ${typeName}, which Sluice does not model`);
    this.name = 'UnmodeledTypeError';
  }
}

/** The ZetaSQL type of a Sluice type. */
export function toTypeProto(type: SqlType): TypeProto {
  switch (type.kind) {
    case 'ARRAY':
      return { typeKind: 'TYPE_ARRAY', arrayType: { elementType: toTypeProto(type.element!) } };
    case 'STRUCT':
      return {
        typeKind: 'TYPE_STRUCT',
        structType: { field: type.fields!.map((f) => ({ fieldName: f.name, fieldType: toTypeProto(f.type) })) },
      };
    default:
      return { typeKind: SCALAR_TO_ZETA[type.kind] };
  }
}

/** The Sluice type of a ZetaSQL type returned by the service; throws {@link UnmodeledTypeError}. */
export function fromTypeProto(type: TypeProto__Output): SqlType {
  const kind = Number(type.typeKind);
  if (kind === ZetaTypeKind.TYPE_ARRAY) {
    return { kind: 'ARRAY', nullable: true, element: { ...fromTypeProto(type.arrayType!.elementType!), nullable: false } };
  }
  if (kind === ZetaTypeKind.TYPE_STRUCT) {
    const fields: SqlField[] = type.structType!.field.map((f) => ({ name: f.fieldName, type: fromTypeProto(f.fieldType!) }));
    return { kind: 'STRUCT', nullable: true, fields };
  }
  const scalar = ZETA_TO_SCALAR.get(kind);
  if (!scalar) throw new UnmodeledTypeError(typeProtoName(type));
  return { kind: scalar, nullable: true };
}

/** Renders a ZetaSQL type with BigQuery names, e.g. `ARRAY<STRUCT<a DATETIME>>`. */
export function typeProtoName(type: TypeProto__Output): string {
  const kind = Number(type.typeKind);
  if (kind === ZetaTypeKind.TYPE_ARRAY) return `ARRAY<${typeProtoName(type.arrayType!.elementType!)}>`;
  if (kind === ZetaTypeKind.TYPE_STRUCT) {
    return `STRUCT<${type.structType!.field.map((f) => `${f.fieldName} ${typeProtoName(f.fieldType!)}`).join(', ')}>`;
  }
  return ZETA_TO_SCALAR.get(kind) ?? BIGQUERY_NAMES[kind] ?? `TYPE_KIND_${kind}`;
}

/**
 * Copies a type returned by the service into request form, dropping the descriptor sets and
 * empty fields the decoder fills in, so it can be put back into a catalog cheaply.
 */
export function cleanTypeProto(type: TypeProto__Output): TypeProto {
  const kind = Number(type.typeKind);
  if (kind === ZetaTypeKind.TYPE_ARRAY) {
    return { typeKind: kind, arrayType: { elementType: cleanTypeProto(type.arrayType!.elementType!) } };
  }
  if (kind === ZetaTypeKind.TYPE_STRUCT) {
    const field = type.structType!.field.map((f) => ({ fieldName: f.fieldName, fieldType: cleanTypeProto(f.fieldType!) }));
    return { typeKind: kind, structType: { field } };
  }
  return { typeKind: type.typeKind };
}
