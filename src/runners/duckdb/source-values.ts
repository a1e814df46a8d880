/**
 * SQL expressions that convert a staged raw value into its declared type and detect values
 * that do not convert. Conversions are strict where DuckDB's casts are lenient: an INT64
 * must be written as an integer (DuckDB would round `1.5`), and a nested value must convert
 * without any element or field silently becoming NULL.
 */
import type { SqlType } from '../../sdk/schema.js';
import { str } from './sql.js';
import { duckdbType } from './types.js';

/**
 * How a format presents a column's value: `text` as VARCHAR (CSV cells, NDJSON scalars),
 * `json` as a JSON value (NDJSON nested values), `native` as already typed (Parquet).
 */
export type RawKind = 'text' | 'json' | 'native';

const isNested = (type: SqlType) => type.kind === 'ARRAY' || type.kind === 'STRUCT' || type.kind === 'JSON';

/** The expression converting `raw` (of kind `kind`) to `type`; NULL when it does not convert. */
export function parseValue(type: SqlType, raw: string, kind: RawKind): string {
  if (kind === 'native') return `TRY_CAST(${raw} AS ${duckdbType(type)})`;
  if (isNested(type)) {
    const json = kind === 'json' ? raw : `TRY_CAST(${raw} AS JSON)`;
    return type.kind === 'JSON' ? json : `TRY_CAST(${json} AS ${duckdbType(type)})`;
  }
  switch (type.kind) {
    case 'STRING':
      return raw;
    case 'INT64':
      return `CASE WHEN regexp_full_match(trim(${raw}), '[+-]?[0-9]+') THEN TRY_CAST(trim(${raw}) AS BIGINT) END`;
    case 'TIMESTAMP':
      // Values without an offset are UTC wall-clock time (parsed without consulting the
      // session time zone); values with an offset are converted to UTC.
      return `CASE WHEN regexp_matches(trim(${raw}), '(Z|[+-][0-9]{2}(:?[0-9]{2})?)$') THEN timezone('UTC', TRY_CAST(trim(${raw}) AS TIMESTAMPTZ)) ELSE TRY_CAST(${raw} AS TIMESTAMP) END`;
    default:
      return `TRY_CAST(${raw} AS ${duckdbType(type)})`;
  }
}

/**
 * True when `json` converted to `parsed` lost nothing: every non-null JSON value inside
 * it (array elements, struct fields, recursively) is non-null after conversion.
 */
function lossless(type: SqlType, json: string, parsed: string, depth = 0): string {
  const absent = `(${json} IS NULL OR json_type(${json}) = 'NULL')`;
  if (type.kind === 'ARRAY') {
    const i = `i${depth}`;
    const elem = lossless(type.element!, `(${json} -> CAST(${i} AS INTEGER))`, `${parsed}[${i} + 1]`, depth + 1);
    return `(${absent} OR (${parsed} IS NOT NULL AND len(${parsed}) = json_array_length(${json}) AND list_bool_and(list_transform(range(len(${parsed})), ${i} -> ${elem})) IS NOT FALSE))`;
  }
  if (type.kind === 'STRUCT') {
    const fields = type.fields!.map((f) =>
      lossless(f.type, `(${json} -> ${str(`$."${f.name}"`)})`, `struct_extract(${parsed}, ${str(f.name)})`, depth + 1),
    );
    return `(${absent} OR (${parsed} IS NOT NULL AND ${fields.join(' AND ')}))`;
  }
  return `(${absent} OR ${parsed} IS NOT NULL)`;
}

/**
 * A boolean expression, true when a present (non-null) raw value does not convert.
 * `notScalar`, when given, flags values of the wrong shape (an object for a STRING column).
 */
export function isBadValue(type: SqlType, raw: string, kind: RawKind, notScalar?: string): string {
  const parsed = parseValue(type, raw, kind);
  const wrongShape = notScalar ? ` OR ${notScalar}` : '';
  if (kind !== 'native' && (type.kind === 'ARRAY' || type.kind === 'STRUCT')) {
    const json = kind === 'json' ? raw : `TRY_CAST(${raw} AS JSON)`;
    return `(${raw} IS NOT NULL AND (${json} IS NULL OR NOT ${lossless(type, json, parsed)}${wrongShape}))`;
  }
  return `(${raw} IS NOT NULL AND (${parsed} IS NULL${wrongShape}))`;
}
