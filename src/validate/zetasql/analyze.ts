/**
 * Analyzes one GoogleSQL statement (query, DDL, DML) against a catalog: name resolution,
 * function signatures, types. Invalid SQL is a result (`ok: false` with ZetaSQL's message and
 * position), not an exception; exceptions mean the harness itself failed.
 */
import type { SqlField } from '../../sdk/schema.js';
import type { Catalog } from './catalog.js';
import { SCRIPT_SYSTEM_VARIABLES } from './options.js';
import { parseErrorDetails, type SqlDiagnostic } from './location.js';
import type { AnalyzeRequest } from './proto-types.js';
import { registeredCatalogId } from './registry.js';
import { outputColumns, statementKind, unwrap, type Message, type ResolvedColumn } from './resolved.js';
import { GrpcCode, RpcFailure } from './rpc.js';
import type { ZetaSqlServer } from './server.js';
import { fromTypeProto, UnmodeledTypeError } from './types.js';

/** The statement is valid; `columns` are its output columns (empty for e.g. MERGE). */
export interface AnalyzeSuccess {
  readonly ok: true;
  /** ZetaSQL's statement kind, e.g. `QueryStmt`, `CreateViewStmt`, `MergeStmt`. */
  readonly kind: string;
  /** Output columns with Sluice types. ZetaSQL does not track nullability: all are nullable. */
  readonly columns: SqlField[];
}

/** The statement is invalid: ZetaSQL's message, with line and column when it gave them. */
export interface AnalyzeFailure extends SqlDiagnostic {
  readonly ok: false;
}

export type AnalyzeResult = AnalyzeSuccess | AnalyzeFailure;

/** What to analyze: a statement, the next statement of a script, or an expression. */
export type AnalyzeTarget = Pick<AnalyzeRequest, 'sqlStatement' | 'parseResumeLocation' | 'sqlExpression'>;

/** A successful analysis as the service returned it (for callers that need the tree). */
export interface RawAnalysis {
  readonly ok: true;
  readonly kind: string;
  /** The concrete resolved statement or expression node. */
  readonly node: Message;
  readonly columns: ResolvedColumn[];
  /** Where the next statement starts, when analyzing from a resume location. */
  readonly resumeBytePosition: number;
}

/**
 * Analyzes one statement. Output columns whose type Sluice does not model (DATETIME, BYTES,
 * ...) make the result a failure naming the column, since Sluice could not read them.
 */
export async function analyze(zeta: ZetaSqlServer, sql: string, catalog: Catalog): Promise<AnalyzeResult> {
  const raw = await analyzeRaw(zeta, catalog, { sqlStatement: sql });
  if (!raw.ok) return raw;
  const columns: SqlField[] = [];
  for (const column of raw.columns) {
    try {
      columns.push({ name: column.name, type: fromTypeProto(column.type) });
    } catch (error) {
      if (!(error instanceof UnmodeledTypeError)) throw error;
      return { ok: false, message: `Output column ${column.name} has ${error.message}` };
    }
  }
  return { ok: true, kind: raw.kind, columns };
}

/** Analyzes `target` and returns the resolved tree, or ZetaSQL's diagnostic. */
export async function analyzeRaw(
  zeta: ZetaSqlServer,
  catalog: Catalog,
  target: AnalyzeTarget,
): Promise<RawAnalysis | AnalyzeFailure> {
  const catalogId = await registeredCatalogId(zeta, catalog);
  try {
    const options = { ...zeta.analyzerOptions, systemVariables: SCRIPT_SYSTEM_VARIABLES };
    const response = await zeta.rpc.analyze({ registeredCatalogId: catalogId, options, ...target });
    const tree = (response.resolvedStatement ?? response.resolvedExpression) as unknown as Message;
    const { kinds, node } = unwrap(tree);
    return {
      ok: true,
      kind: statementKind(kinds),
      node,
      columns: response.resolvedStatement ? outputColumns(node) : [],
      resumeBytePosition: response.resumeBytePosition,
    };
  } catch (error) {
    if (error instanceof RpcFailure && error.code === GrpcCode.INVALID_ARGUMENT) {
      return { ok: false, ...parseErrorDetails(error.details) };
    }
    throw error;
  }
}
