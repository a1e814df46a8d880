/**
 * Runs a GoogleSQL query with ZetaSQL's reference implementation over small in-memory tables,
 * returning rows in the DirectRunner's JS representation (see values.ts). Tables are visible
 * under their flat backtick name only (`` `proj.ds.t` ``): the service attaches data to tables
 * at the catalog root, so `proj.ds.t` unquoted analyzes but finds no data.
 */
import type { SqlField } from '../../sdk/schema.js';
import { Catalog, type TableSchema } from './catalog.js';
import { ZetaSqlError, ZetaSqlQueryError } from './errors.js';
import { parseErrorDetails } from './location.js';
import type { EvaluateQueryRequest, SimpleColumnProto__Output, TypeProto__Output, ValueProto } from './proto-types.js';
import { GrpcCode, RpcFailure } from './rpc.js';
import type { ZetaSqlServer } from './server.js';
import { fromTypeProto, UnmodeledTypeError } from './types.js';
import { decodeValue, encodeValue } from './values.js';

/** A table with rows. `path` may be given as a dotted name (`'proj.ds.t'`). */
export interface TableData extends Omit<TableSchema, 'path'> {
  readonly path: readonly string[] | string;
  readonly rows: readonly Readonly<Record<string, unknown>>[];
}

/** A query's result: its columns (types read back from ZetaSQL, all nullable) and rows. */
export interface EvaluateResult {
  readonly columns: SqlField[];
  readonly rows: Record<string, unknown>[];
}

/**
 * Evaluates `sql` over `tables`. Row order follows ZetaSQL's implementation (input order for
 * plain scans, key order after GROUP BY): compare as multisets unless the query orders rows.
 * Throws {@link ZetaSqlQueryError} when the query fails to analyze or raises an error, and
 * {@link ZetaSqlError} for rows that do not match their table's columns or results Sluice
 * cannot represent (e.g. an INT64 beyond ±2^53).
 */
export async function evaluate(zeta: ZetaSqlServer, sql: string, tables: readonly TableData[]): Promise<EvaluateResult> {
  const catalog = new Catalog();
  const tableContent: NonNullable<EvaluateQueryRequest['tableContent']> = {};
  for (const table of tables) {
    const path = typeof table.path === 'string' ? table.path.split('.') : table.path;
    const name = path.join('.');
    if (catalog.hasTable(path)) throw new ZetaSqlError(`table ${name} is given twice`);
    catalog.addTable({ path, columns: table.columns });
    tableContent[name] = { tableData: { row: table.rows.map((row, i) => ({ cell: encodeRow(row, table.columns, `${name} row ${i}`) })) } };
  }
  const response = await run(zeta, {
    sql,
    options: zeta.analyzerOptions,
    simpleCatalog: catalog.toProto(zeta.languageOptions),
    tableContent,
  });
  const columns = response.prepared?.columns ?? [];
  checkUniqueNames(columns);
  return {
    columns: columns.map(resultField),
    rows: (response.content?.tableData?.row ?? []).map((row, i) => {
      const record: Record<string, unknown> = {};
      columns.forEach((column, j) => {
        record[column.name] = decodeValue(row.cell[j]!, column.type!, `result row ${i} column ${column.name}`);
      });
      return record;
    }),
  };
}

/**
 * One cell per column, in column order. The row must have exactly the table's columns: the
 * server crashes on rows with the wrong cell count, and a missing key is usually a typo.
 */
function encodeRow(row: Readonly<Record<string, unknown>>, columns: readonly SqlField[], where: string): ValueProto[] {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) {
    throw new ZetaSqlError(`${where} is not an object`);
  }
  const extra = Object.keys(row).filter((k) => !columns.some((c) => c.name === k));
  if (extra.length > 0) throw new ZetaSqlError(`${where} has keys that are not columns: ${extra.join(', ')}`);
  return columns.map((column) => {
    if (!Object.hasOwn(row, column.name)) throw new ZetaSqlError(`${where} lacks column ${column.name}`);
    return encodeValue(row[column.name], column.type, `${where} column ${column.name}`);
  });
}

async function run(zeta: ZetaSqlServer, request: EvaluateQueryRequest) {
  try {
    return await zeta.rpc.evaluateQuery(request);
  } catch (error) {
    if (!(error instanceof RpcFailure)) throw error;
    if (error.code === GrpcCode.RESOURCE_EXHAUSTED) {
      // The server accepts requests up to 4 MiB (roughly 60k small rows).
      throw new ZetaSqlError(`the tables are too large for one ZetaSQL request (${error.details}); use fewer rows`);
    }
    const { message, line, column } = parseErrorDetails(error.details);
    const kind = error.code === GrpcCode.INVALID_ARGUMENT ? 'analysis' : 'runtime';
    throw new ZetaSqlQueryError(kind, message, line, column);
  }
}

function resultField(column: SimpleColumnProto__Output): SqlField {
  try {
    return { name: column.name, type: fromTypeProto(column.type as TypeProto__Output) };
  } catch (error) {
    if (!(error instanceof UnmodeledTypeError)) throw error;
    throw new ZetaSqlError(`result column ${column.name} has ${error.message}; CAST it in the query`);
  }
}

function checkUniqueNames(columns: readonly SimpleColumnProto__Output[]): void {
  const seen = new Set<string>();
  for (const { name } of columns) {
    if (seen.has(name)) throw new ZetaSqlError(`the query returns two columns named ${name}; alias them apart`);
    seen.add(name);
  }
}
