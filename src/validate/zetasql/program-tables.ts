/**
 * The tables a program sees while it runs on ZetaSQL, kept as the service's own values
 * (ValueProto cells, TypeProto columns) so that nothing is lost between statements: 64-bit
 * hashes beyond ±2^53 and sub-millisecond timestamps go back to the next statement exactly as
 * ZetaSQL produced them. Rows are converted to the DirectRunner's JS values only at the edges
 * ({@link ProgramTables.from} for inputs, {@link ProgramTables.read} for results).
 */
import { Catalog, type ZetaColumn } from './catalog.js';
import { ZetaSqlError } from './errors.js';
import type { EvaluateResult, TableData } from './evaluate.js';
import type { EvaluateQueryRequest, TypeProto, TypeProto__Output, ValueProto, ValueProto__Output } from './proto-types.js';
import { fromTypeProto, toTypeProto, UnmodeledTypeError, ZetaTypeKind } from './types.js';
import { decodeValue, encodeValue } from './values.js';

/** A table in ZetaSQL's representation. Column types have numeric type kinds. */
export interface RawTable {
  readonly path: readonly string[];
  readonly columns: readonly ZetaColumn[];
  readonly rows: readonly (readonly ValueProto[])[];
}

/** Table paths are case-insensitive in GoogleSQL. */
const keyOf = (path: readonly string[]) => path.join('.').toLowerCase();

/** A mutable set of tables addressed by path. */
export class ProgramTables {
  private readonly tables = new Map<string, RawTable>();
  /**
   * Kept in step with `tables`: one long-lived catalog lets analysis reuse its registration
   * until a table changes (and release the stale one when it does).
   */
  readonly catalog = new Catalog();

  /** Tables with JS rows (DirectRunner values), checked and encoded like `evaluate` does. */
  static from(tables: readonly TableData[]): ProgramTables {
    const set = new ProgramTables();
    for (const table of tables) {
      const path = typeof table.path === 'string' ? table.path.split('.') : table.path;
      if (set.has(path)) throw new ZetaSqlError(`table ${path.join('.')} is given twice`);
      const where = (i: number) => `${path.join('.')} row ${i}`;
      set.put({
        path,
        columns: table.columns.map((c) => ({ name: c.name, type: numericKinds(toTypeProto(c.type)) })),
        rows: table.rows.map((row, i) => encodeRow(row, table.columns, where(i))),
      });
    }
    return set;
  }

  has(path: readonly string[]): boolean {
    return this.tables.has(keyOf(path));
  }

  get(path: readonly string[]): RawTable | undefined {
    return this.tables.get(keyOf(path));
  }

  /** Adds or replaces a table. */
  put(table: RawTable): void {
    this.tables.set(keyOf(table.path), table);
    this.catalog.addZetaTable(table.path, table.columns);
  }

  /** Removes a table; false when there was none. */
  delete(path: readonly string[]): boolean {
    this.catalog.removeTable(path);
    return this.tables.delete(keyOf(path));
  }

  /** The paths of all tables, in insertion order. */
  paths(): (readonly string[])[] {
    return [...this.tables.values()].map((t) => t.path);
  }

  /** An independent copy (tables are immutable values, so sharing them is safe). */
  clone(): ProgramTables {
    const copy = new ProgramTables();
    for (const table of this.tables.values()) copy.put(table);
    return copy;
  }

  /**
   * The rows of the tables among `referenced` (paths as a statement names them), keyed as
   * ZetaSQL's evaluator looks them up. Only referenced tables are sent: a request is capped
   * at 4 MiB.
   */
  content(referenced: readonly (readonly string[])[]): NonNullable<EvaluateQueryRequest['tableContent']> {
    const content: NonNullable<EvaluateQueryRequest['tableContent']> = {};
    for (const path of referenced) {
      const table = this.get(path);
      if (table) content[table.path.join('.')] = { tableData: { row: table.rows.map((cells) => ({ cell: [...cells] })) } };
    }
    return content;
  }

  /**
   * A table's columns (Sluice types, all nullable) and rows as DirectRunner JS values. Throws
   * {@link ZetaSqlError} for an unknown table or values Sluice cannot represent.
   */
  read(path: readonly string[]): EvaluateResult {
    const table = this.get(path);
    if (!table) throw new ZetaSqlError(`no table ${path.join('.')}; tables: ${this.paths().map((p) => p.join('.')).join(', ')}`);
    const name = table.path.join('.');
    const columns = table.columns.map((c) => {
      try {
        return { name: c.name, type: fromTypeProto(c.type as TypeProto__Output) };
      } catch (error) {
        if (!(error instanceof UnmodeledTypeError)) throw error;
        throw new ZetaSqlError(`${name} column ${c.name} has ${error.message}`);
      }
    });
    const rows = table.rows.map((cells, i) => {
      const record: Record<string, unknown> = {};
      table.columns.forEach((column, j) => {
        record[column.name] = decodeValue(cells[j] as ValueProto__Output, column.type as TypeProto__Output, `${name} row ${i} column ${column.name}`);
      });
      return record;
    });
    return { columns, rows };
  }
}

/**
 * `toTypeProto` names type kinds ('TYPE_INT64'), the service returns numbers; the decoder and
 * type comparisons expect numbers.
 */
export function numericKinds(type: TypeProto): TypeProto {
  const kind = typeof type.typeKind === 'string' ? ZetaTypeKind[type.typeKind as keyof typeof ZetaTypeKind] : type.typeKind;
  if (type.arrayType?.elementType) return { typeKind: kind, arrayType: { elementType: numericKinds(type.arrayType.elementType) } };
  if (type.structType) {
    const field = (type.structType.field ?? []).map((f) => ({ fieldName: f.fieldName, fieldType: numericKinds(f.fieldType!) }));
    return { typeKind: kind, structType: { field } };
  }
  return { typeKind: kind };
}

function encodeRow(row: Readonly<Record<string, unknown>>, columns: TableData['columns'], where: string): ValueProto[] {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new ZetaSqlError(`${where} is not an object`);
  const extra = Object.keys(row).filter((k) => !columns.some((c) => c.name === k));
  if (extra.length > 0) throw new ZetaSqlError(`${where} has keys that are not columns: ${extra.join(', ')}`);
  return columns.map((column) => {
    if (!Object.hasOwn(row, column.name)) throw new ZetaSqlError(`${where} lacks column ${column.name}`);
    return asDecoded(encodeValue(row[column.name], column.type, `${where} column ${column.name}`));
  });
}

/**
 * Adds the `value` oneof discriminator the service's decoded values carry (and the decoder
 * reads to tell NULL apart), so that input cells and computed cells look alike.
 */
function asDecoded(proto: ValueProto): ValueProto {
  const member = Object.keys(proto).find((k) => k !== 'value');
  if (member === undefined) return {};
  if (proto.arrayValue) return { arrayValue: { element: (proto.arrayValue.element ?? []).map(asDecoded) }, value: 'arrayValue' };
  if (proto.structValue) return { structValue: { field: (proto.structValue.field ?? []).map(asDecoded) }, value: 'structValue' };
  return { ...proto, value: member as NonNullable<ValueProto['value']> };
}
