/**
 * Column types for sources and model outputs.
 *
 * A schema is an object of column builders (`t.string()`, `t.int64().nullable()`, ...).
 * The TypeScript row type is inferred from it with {@link RowOf}, so a misspelled field in
 * any lambda downstream is an editor error.
 *
 * JavaScript representations (what lambdas see, and what the DirectRunner computes with):
 * - STRING → `string`; BOOL → `boolean`; FLOAT64 → `number` (NaN and ±Infinity allowed).
 * - INT64 → `number`. Values beyond ±2^53 (Number.MAX_SAFE_INTEGER) lose precision in
 *   JavaScript; SQL engines keep them exact, so keep identifiers that may exceed 2^53 as STRING.
 * - NUMERIC → `number`. BigQuery NUMERIC has 38 digits of precision and 9 decimals; a JS
 *   number keeps about 15–17 significant digits, so values are exact in SQL but may round
 *   when read back into JavaScript.
 * - DATE → `string` in ISO form `YYYY-MM-DD` (string comparison orders dates correctly).
 * - TIMESTAMP → `Date` (millisecond precision in JavaScript; SQL keeps microseconds).
 * - JSON → `unknown` (opaque; pass it through or cast it).
 * - ARRAY<T> → `T[]`; STRUCT → a plain object.
 */

/** The SQL type kinds Sluice models. Names follow BigQuery. */
export type TypeKind =
  | 'STRING'
  | 'INT64'
  | 'FLOAT64'
  | 'NUMERIC'
  | 'BOOL'
  | 'DATE'
  | 'TIMESTAMP'
  | 'JSON'
  | 'ARRAY'
  | 'STRUCT';

/** A dialect-neutral SQL type, as carried through the compiler and into the manifest. */
export interface SqlType {
  readonly kind: TypeKind;
  readonly nullable: boolean;
  /** Element type of an ARRAY. */
  readonly element?: SqlType;
  /** Fields of a STRUCT, in declaration order. */
  readonly fields?: readonly SqlField[];
}

export interface SqlField {
  readonly name: string;
  readonly type: SqlType;
  readonly description?: string;
}

/** Maps a type kind to the JavaScript value lambdas see. */
interface JsOf {
  STRING: string;
  INT64: number;
  FLOAT64: number;
  NUMERIC: number;
  BOOL: boolean;
  DATE: string;
  TIMESTAMP: Date;
  JSON: unknown;
}

/**
 * A column builder. `J` is the JavaScript type of a value (including `| null` when nullable).
 * Builders are immutable: `.nullable()` and `.describe()` return new builders.
 */
export class Column<J> {
  /** Phantom field carrying the JS type; never set at run time. */
  declare readonly __js: J;

  constructor(
    readonly type: SqlType,
    readonly description?: string,
  ) {}

  /** Allows NULL in this column (the JS type gains `| null`). */
  nullable(): Column<J | null> {
    return new Column<J | null>({ ...this.type, nullable: true }, this.description);
  }

  /** Attaches a description, carried into the manifest, docs and BigQuery column options. */
  describe(description: string): Column<J> {
    return new Column<J>(this.type, description);
  }
}

/** A schema: column name → column builder. */
export type Schema = Record<string, Column<unknown>>;

/** The row type of a schema. */
export type RowOf<S extends Schema> = { [K in keyof S]: S[K]['__js'] };

function scalar<K extends keyof JsOf>(kind: K): Column<JsOf[K]> {
  return new Column<JsOf[K]>({ kind, nullable: false });
}

/** Column type builders. */
export const t = {
  /** STRING (UTF-8). */
  string: () => scalar('STRING'),
  /** INT64; a JS number, exact up to ±2^53. */
  int64: () => scalar('INT64'),
  /** FLOAT64; a JS number. */
  float64: () => scalar('FLOAT64'),
  /** NUMERIC (38 digits, 9 decimals in SQL); a JS number, so reads back with ~15 digits. */
  numeric: () => scalar('NUMERIC'),
  /** BOOL. */
  bool: () => scalar('BOOL'),
  /** DATE; an ISO `YYYY-MM-DD` string in JS. */
  date: () => scalar('DATE'),
  /** TIMESTAMP; a `Date` in JS. */
  timestamp: () => scalar('TIMESTAMP'),
  /** JSON; opaque in lambdas. */
  json: () => scalar('JSON'),
  /** ARRAY of the given element type. Elements are never NULL (BigQuery forbids it). */
  array: <J>(element: Column<J>): Column<J[]> =>
    new Column<J[]>({ kind: 'ARRAY', nullable: false, element: { ...element.type, nullable: false } }),
  /** STRUCT with the given fields. */
  struct: <S extends Schema>(fields: S): Column<RowOf<S>> =>
    new Column<RowOf<S>>({ kind: 'STRUCT', nullable: false, fields: schemaFields(fields) }),
};

/** Lists a schema's fields in declaration order. */
export function schemaFields(schema: Schema): SqlField[] {
  return Object.entries(schema).map(([name, col]) => ({
    name,
    type: col.type,
    ...(col.description !== undefined ? { description: col.description } : {}),
  }));
}

/** Renders a type the way BigQuery spells it, e.g. `ARRAY<STRUCT<a STRING>>`. */
export function typeToString(type: SqlType): string {
  switch (type.kind) {
    case 'ARRAY':
      return `ARRAY<${typeToString(type.element!)}>`;
    case 'STRUCT':
      return `STRUCT<${type.fields!.map((f) => `${f.name} ${typeToString(f.type)}`).join(', ')}>`;
    default:
      return type.kind;
  }
}
