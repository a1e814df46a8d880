/**
 * One DDL/DML statement of a program on ZetaSQL's reference implementation, which evaluates
 * queries only: ZetaSQL analyzes the whole statement (so the DDL itself is checked, e.g. a
 * CREATE TABLE column list against its query), its parser locates the query inside it, the
 * query is evaluated over the current tables, and the runner applies the effect to them.
 *
 * Supported: CREATE [OR REPLACE] [TEMP] TABLE [IF NOT EXISTS] t [(columns)] [...] [AS query],
 * CREATE [OR REPLACE] VIEW v AS query (materialized at once: a snapshot is what a reader sees),
 * INSERT INTO t [(columns)] query, DROP TABLE [IF EXISTS] t. Values are never coerced: a query
 * column whose type differs from its table column's is an error, since BigQuery would convert
 * it and the runner would have to imitate that.
 */
import type { ZetaColumn } from './catalog.js';
import { ZetaSqlError, ZetaSqlQueryError } from './errors.js';
import { parseErrorDetails, SourceText } from './location.js';
import type { RawTable, ProgramTables } from './program-tables.js';
import type { TypeProto__Output, ValueProto } from './proto-types.js';
import { byteRange, field, listField, messageField, statementKind, unwrap, type Message } from './resolved.js';
import { GrpcCode, RpcFailure } from './rpc.js';
import type { ZetaSqlServer } from './server.js';
import { cleanTypeProto, typeProtoName } from './types.js';

/** A query's result in ZetaSQL's representation. */
interface RawResult {
  readonly columns: readonly ZetaColumn[];
  readonly rows: readonly (readonly ValueProto[])[];
}

/** Table paths as a statement names them (identifier segments). */
type TablePaths = readonly (readonly string[])[];

/** ResolvedCreateStatement.CreateMode. */
const CreateMode = { DEFAULT: 0, OR_REPLACE: 1, IF_NOT_EXISTS: 2 } as const;

/** Applies one statement to `tables`. Throws {@link ZetaSqlQueryError} when ZetaSQL rejects it. */
export async function executeStatement(zeta: ZetaSqlServer, tables: ProgramTables, sql: string): Promise<void> {
  const referenced = await zeta.rpc.tableNames(sql, zeta.languageOptions);
  const analyzed = await analyzeStatement(zeta, tables, sql, referenced);
  const node = analyzed.node;
  const path = namePath(node);
  switch (analyzed.kind) {
    case 'CreateTableStmt':
      if (creates(tables, path, node)) tables.put({ path, columns: definedColumns(node), rows: [] });
      return;
    case 'CreateTableAsSelectStmt':
    case 'CreateViewStmt': {
      if (!creates(tables, path, node)) return;
      const columns = definedColumns(node);
      const result = await evaluateRaw(zeta, tables, await queryOf(zeta, sql), referenced);
      checkTypes(path, columns, result.columns);
      tables.put({ path, columns, rows: result.rows });
      return;
    }
    case 'InsertStmt':
      return insert(zeta, tables, sql, node, referenced);
    case 'DropStmt': {
      if (field(node, 'objectType') !== 'TABLE') throw new ZetaSqlError(`DROP ${String(field(node, 'objectType'))} is not supported by the program runner`);
      if (!tables.delete(path) && field(node, 'isIfExists') !== true) {
        throw new ZetaSqlQueryError('runtime', `Not found: Table ${path.join('.')}`);
      }
      return;
    }
    default:
      throw new ZetaSqlError(`${analyzed.kind} statements are not supported by the program runner: ${sql.slice(0, 80)}`);
  }
}

/**
 * Evaluates a query over the tables it reads (only those are sent: a request is capped at
 * 4 MiB) and returns its columns and rows as ZetaSQL values.
 */
export async function evaluateRaw(
  zeta: ZetaSqlServer,
  tables: ProgramTables,
  sql: string,
  referenced?: TablePaths,
): Promise<RawResult> {
  const read = referenced ?? (await zeta.rpc.tableNames(sql, zeta.languageOptions));
  const response = await call(() =>
    zeta.rpc.evaluateQuery({
      sql,
      options: zeta.analyzerOptions,
      simpleCatalog: tables.catalog.referencedSubset(read).toProto(zeta.languageOptions),
      tableContent: tables.content(read),
    }),
  );
  const columns = (response.prepared?.columns ?? []).map((c) => ({ name: c.name, type: cleanTypeProto(c.type as TypeProto__Output) }));
  return { columns, rows: (response.content?.tableData?.row ?? []).map((row) => row.cell) };
}

/**
 * Analyzes a statement against the tables it names. The catalog goes inline: the tables
 * change at nearly every statement, so a registered catalog would be registered anew each time.
 */
async function analyzeStatement(zeta: ZetaSqlServer, tables: ProgramTables, sql: string, referenced: TablePaths): Promise<{ kind: string; node: Message }> {
  const response = await call(() =>
    zeta.rpc.analyze({
      sqlStatement: sql,
      options: zeta.analyzerOptions,
      simpleCatalog: tables.catalog.referencedSubset(referenced).toProto(zeta.languageOptions),
    }),
  );
  const { kinds, node } = unwrap(response.resolvedStatement as unknown as Message);
  return { kind: statementKind(kinds), node };
}

/** A service call; its SQL errors become {@link ZetaSqlQueryError}s. */
async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (!(error instanceof RpcFailure)) throw error;
    if (error.code === GrpcCode.RESOURCE_EXHAUSTED) {
      throw new ZetaSqlError(`the tables are too large for one ZetaSQL request (${error.details}); use fewer rows`);
    }
    if (error.details.includes('does not support the API in evaluator.h')) {
      // Rows attach to tables at the catalog root only, so `ds`.`t` analyzes but cannot be read.
      throw new ZetaSqlError(`${error.details.trim()}: a table named in several parts cannot hold rows in ZetaSQL's evaluator; compile with one-part names (zetaSqlTableNames)`);
    }
    const { message, line, column } = parseErrorDetails(error.details);
    throw new ZetaSqlQueryError(error.code === GrpcCode.INVALID_ARGUMENT ? 'analysis' : 'runtime', message, line, column);
  }
}

/** INSERT INTO t [(columns)] query: the query's columns fill the listed ones by position. */
async function insert(zeta: ZetaSqlServer, tables: ProgramTables, sql: string, node: Message, referenced: TablePaths): Promise<void> {
  if (listField(node, 'rowList').length > 0) throw new ZetaSqlError('INSERT ... VALUES is not supported by the program runner; use INSERT ... SELECT');
  // The full name joins the path's parts with dots, which is how tables are keyed anyway.
  const name = String(messageField(messageField(node, 'tableScan') ?? {}, 'table')?.['fullName']);
  const target = tables.get([name]);
  if (!target) throw new ZetaSqlError(`INSERT target ${name} is not a table of the program`);
  const listed = listField(node, 'insertColumnList').map((c) => String(c['name']).toLowerCase());
  const positions = listed.map((name) => target.columns.findIndex((c) => c.name.toLowerCase() === name));
  const result = await evaluateRaw(zeta, tables, await queryOf(zeta, sql), referenced);
  checkTypes(target.path, positions.map((p) => target.columns[p]!), result.columns);
  const rows = result.rows.map((cells) => {
    const row: ValueProto[] = target.columns.map(() => ({}));
    positions.forEach((p, i) => (row[p] = cells[i]!));
    return row;
  });
  tables.put({ ...target, rows: [...target.rows, ...rows] } satisfies RawTable);
}

/** Whether a CREATE must (re)create its table: honours OR REPLACE and IF NOT EXISTS. */
function creates(tables: ProgramTables, path: readonly string[], node: Message): boolean {
  if (!tables.has(path)) return true;
  const mode = Number(field(node, 'createMode') ?? CreateMode.DEFAULT);
  if (mode === CreateMode.OR_REPLACE) return true;
  if (mode === CreateMode.IF_NOT_EXISTS) return false;
  throw new ZetaSqlQueryError('runtime', `Already Exists: Table ${path.join('.')}`);
}

function namePath(node: Message): string[] {
  const path = field(node, 'namePath');
  return Array.isArray(path) ? path.map(String) : [];
}

/** The columns a CREATE defines: its column list, else its query's output columns. */
function definedColumns(node: Message): ZetaColumn[] {
  const defined = listField(node, 'columnDefinitionList');
  const columns = defined.length > 0 ? defined : listField(node, 'outputColumnList').map((c) => ({ name: c['name'], type: (c['column'] as Message)['type'] }));
  return columns.map((c) => ({ name: String(c['name']), type: cleanTypeProto(c['type'] as TypeProto__Output) }));
}

/** The text of the statement's query, blanked before it so positions stay statement positions. */
async function queryOf(zeta: ZetaSqlServer, sql: string): Promise<string> {
  const parsed = await zeta.rpc.parse({ sqlStatement: sql, options: zeta.languageOptions });
  const query = messageField(unwrap(parsed.parsedStatement as unknown as Message).node, 'query');
  if (!query) throw new ZetaSqlError(`no query found in: ${sql.slice(0, 80)}`);
  const { start, end } = byteRange(query);
  return new SourceText(sql).isolate(start, end);
}

function checkTypes(path: readonly string[], declared: readonly ZetaColumn[], produced: readonly ZetaColumn[]): void {
  if (declared.length !== produced.length) {
    throw new ZetaSqlError(`${path.join('.')}: the query gives ${produced.length} columns for ${declared.length}`);
  }
  declared.forEach((column, i) => {
    const [want, got] = [typeProtoName(column.type as TypeProto__Output), typeProtoName(produced[i]!.type as TypeProto__Output)];
    if (want !== got) {
      throw new ZetaSqlError(`${path.join('.')} column ${column.name} is ${want} but the query gives ${got}; the program runner does not coerce`);
    }
  });
}
