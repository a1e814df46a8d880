/**
 * JS values ↔ ZetaSQL ValueProto, using the DirectRunner's representations (see
 * src/sdk/schema.ts): TIMESTAMP ↔ Date, DATE ↔ 'YYYY-MM-DD', INT64 and NUMERIC ↔ number,
 * FLOAT64 ↔ number incl. NaN/±Infinity, ARRAY ↔ array, STRUCT ↔ plain object, JSON ↔ the
 * parsed JSON value, NULL ↔ null. Inputs are checked strictly: a value that does not fit its
 * declared type is an error, never silently coerced.
 */
import type { SqlType } from '../../sdk/schema.js';
import { ZetaSqlError } from './errors.js';
import {
  bigintToBytes,
  bytesToBigint,
  decimalToScaled,
  inNumericRange,
  NUMERIC_SCALE,
  scaledToNumber,
} from './numeric.js';
import type { TypeProto__Output, ValueProto, ValueProto__Output } from './proto-types.js';
import { typeProtoName, ZetaTypeKind } from './types.js';

const MS_PER_DAY = 86_400_000;
/** BigQuery's TIMESTAMP range, in epoch milliseconds (0001-01-01 to 9999-12-31 23:59:59.999). */
const MIN_TIMESTAMP_MS = new Date('0001-01-01T00:00:00Z').getTime();
const MAX_TIMESTAMP_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const INT64_MAX = 2n ** 63n - 1n;
const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Encodes `value` of Sluice type `type`; `where` names the cell in error messages. */
export function encodeValue(value: unknown, type: SqlType, where: string): ValueProto {
  if (value === null) {
    if (!type.nullable) fail(where, 'is NULL but the type is not nullable');
    return {};
  }
  const bad = (expected: string): never => fail(where, `expected ${expected}, got ${describe(value)}`);
  switch (type.kind) {
    case 'STRING':
      if (typeof value !== 'string') return bad('a string');
      if (LONE_SURROGATE.test(value)) fail(where, 'contains an unpaired UTF-16 surrogate (not valid UTF-8)');
      return { stringValue: value };
    case 'BOOL':
      return typeof value === 'boolean' ? { boolValue: value } : bad('a boolean');
    case 'INT64':
      return { int64Value: encodeInt64(value, where) };
    case 'FLOAT64':
      return typeof value === 'number' ? { doubleValue: value } : bad('a number');
    case 'NUMERIC':
      return { numericValue: encodeNumeric(value, where) };
    case 'DATE':
      return { dateValue: encodeDate(value, where) };
    case 'TIMESTAMP':
      return { timestampValue: encodeTimestamp(value, where) };
    case 'JSON': {
      const text = value === undefined ? undefined : JSON.stringify(value);
      return text === undefined ? bad('a JSON-serializable value') : { jsonValue: text };
    }
    case 'ARRAY':
      if (!Array.isArray(value)) return bad('an array');
      return {
        arrayValue: {
          element: value.map((element, i) => {
            if (element === null) fail(`${where}[${i}]`, 'is NULL; BigQuery arrays cannot hold NULL');
            return encodeValue(element, type.element!, `${where}[${i}]`);
          }),
        },
      };
    case 'STRUCT':
      return { structValue: { field: encodeStruct(value, type, where) } };
  }
}

/** Decodes a value the service returned for a column of ZetaSQL type `type`. */
export function decodeValue(proto: ValueProto__Output, type: TypeProto__Output, where: string): unknown {
  if (!proto.value) return null;
  switch (Number(type.typeKind)) {
    case ZetaTypeKind.TYPE_STRING:
      return proto.stringValue;
    case ZetaTypeKind.TYPE_BOOL:
      return proto.boolValue;
    case ZetaTypeKind.TYPE_INT64:
      return decodeInt64(String(proto.int64Value), where);
    case ZetaTypeKind.TYPE_DOUBLE:
      return Number(proto.doubleValue);
    case ZetaTypeKind.TYPE_NUMERIC:
      return scaledToNumber(bytesToBigint(proto.numericValue ?? Buffer.alloc(0)), NUMERIC_SCALE);
    case ZetaTypeKind.TYPE_DATE:
      return new Date(proto.dateValue! * MS_PER_DAY).toISOString().slice(0, 10);
    case ZetaTypeKind.TYPE_TIMESTAMP: {
      const { seconds, nanos } = proto.timestampValue!;
      // Sub-millisecond digits are dropped: a JS Date holds milliseconds (nanos ≥ 0, so floor).
      return new Date(Number(String(seconds)) * 1000 + Math.floor(nanos / 1e6));
    }
    case ZetaTypeKind.TYPE_JSON:
      return JSON.parse(proto.jsonValue!);
    case ZetaTypeKind.TYPE_ARRAY:
      return proto.arrayValue!.element.map((e, i) => decodeValue(e, type.arrayType!.elementType!, `${where}[${i}]`));
    case ZetaTypeKind.TYPE_STRUCT: {
      const fields = type.structType!.field;
      const object: Record<string, unknown> = {};
      proto.structValue!.field.forEach((cell, i) => {
        const field = fields[i]!;
        if (Object.hasOwn(object, field.fieldName)) fail(where, `has two fields named ${field.fieldName}`);
        object[field.fieldName] = decodeValue(cell, field.fieldType!, `${where}.${field.fieldName}`);
      });
      return object;
    }
    default:
      return fail(where, `has type ${typeProtoName(type)}, which Sluice does not model; CAST it in the query`);
  }
}

function encodeInt64(value: unknown, where: string): string {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) fail(where, `expected a safe integer for INT64, got ${value}`);
    return String(value);
  }
  if (typeof value === 'bigint') {
    if (value > INT64_MAX || value < -INT64_MAX - 1n) fail(where, `${value} is outside INT64`);
    return String(value);
  }
  return fail(where, `expected an integer for INT64, got ${describe(value)}`);
}

function decodeInt64(text: string, where: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    fail(where, `INT64 ${text} is beyond JavaScript's safe integer range (±2^53); keep such ids as STRING`);
  }
  return value;
}

function encodeNumeric(value: unknown, where: string): Buffer {
  const scaled =
    typeof value === 'number' || typeof value === 'string'
      ? decimalToScaled(value, NUMERIC_SCALE)
      : typeof value === 'bigint'
        ? value * 10n ** BigInt(NUMERIC_SCALE)
        : undefined;
  if (scaled === undefined) return fail(where, `expected a finite number for NUMERIC, got ${describe(value)}`);
  if (!inNumericRange(scaled)) fail(where, `${String(value)} is outside NUMERIC's range`);
  return bigintToBytes(scaled);
}

function encodeDate(value: unknown, where: string): number {
  const match = typeof value === 'string' ? DATE_TEXT.exec(value) : null;
  if (!match) return fail(where, `expected a 'YYYY-MM-DD' string for DATE, got ${describe(value)}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // setUTCFullYear keeps years < 100 literal
  const ms = date.getTime();
  if (year < 1 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    fail(where, `${value} is not a valid DATE`);
  }
  return ms / MS_PER_DAY;
}

function encodeTimestamp(value: unknown, where: string): { seconds: number; nanos: number } {
  if (!(value instanceof Date)) return fail(where, `expected a Date for TIMESTAMP, got ${describe(value)}`);
  const ms = value.getTime();
  if (!(ms >= MIN_TIMESTAMP_MS && ms <= MAX_TIMESTAMP_MS)) fail(where, `${String(value)} is outside TIMESTAMP's range`);
  const seconds = Math.floor(ms / 1000);
  return { seconds, nanos: (ms - seconds * 1000) * 1e6 };
}

function encodeStruct(value: unknown, type: SqlType, where: string): ValueProto[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Date) {
    return fail(where, `expected a plain object for STRUCT, got ${describe(value)}`);
  }
  const record = value as Record<string, unknown>;
  const fields = type.fields!;
  const extra = Object.keys(record).filter((k) => !fields.some((f) => f.name === k));
  if (extra.length > 0) fail(where, `has fields not in the STRUCT type: ${extra.join(', ')}`);
  return fields.map((f) => {
    if (!Object.hasOwn(record, f.name)) fail(where, `lacks field ${f.name}`);
    return encodeValue(record[f.name], f.type, `${where}.${f.name}`);
  });
}

function describe(value: unknown): string {
  if (value instanceof Date) return `Date(${Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString()})`;
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'an array';
  return value === null || typeof value !== 'object' ? `${typeof value} ${String(value)}` : 'an object';
}

function fail(where: string, problem: string): never {
  throw new ZetaSqlError(`${where} ${problem}`);
}
