/**
 * Analyzes one compiled BigQuery statement and turns ZetaSQL's verdict into issues that
 * point at the model, the SQL line:col and the TypeScript step that produced it.
 */
import path from 'node:path';
import type { CallSite } from '../../sdk/callsite.js';
import type { SqlField } from '../../sdk/schema.js';
import { analyze, analyzeScript, type Catalog, type ZetaSqlServer } from '../zetasql/index.js';
import { pointAt, type SqlPointer } from './sql-position.js';

/** One problem found by validation. */
export interface ValidationIssue {
  /** The model the statement belongs to. */
  readonly model: string;
  /** Which statement: `DDL`, `query` or `expectation <name>`. */
  readonly statement: string;
  /** ZetaSQL's message, or the column mismatch. */
  readonly message: string;
  /** 1-based position in the statement's SQL text, when ZetaSQL gave one. */
  readonly line?: number;
  readonly column?: number;
  /** The SQL line, a caret, and the step whose comment heads that part of the SQL. */
  readonly pointer?: SqlPointer;
  /** The TypeScript call site to blame: the step's, else the model's or expectation's. */
  readonly site: CallSite;
}

/** A statement to analyze. */
export interface Statement {
  readonly model: string;
  readonly label: string;
  readonly sql: string;
  /** Blamed when the error is outside any step (e.g. in the DDL header). */
  readonly fallback: CallSite;
  /** The compile root: step comments name files relative to it. */
  readonly root: string;
}

export type StatementOutcome =
  | { readonly ok: true; readonly columns?: readonly SqlField[] }
  | { readonly ok: false; readonly issue: ValidationIssue };

/**
 * Multi-statement BigQuery scripts (loops over temp tables, MERGE programs) must be analyzed
 * statement by statement; the emitter starts them with DECLARE or BEGIN or uses LOOP.
 */
export function isScript(sql: string): boolean {
  const code = sql.replace(/^\s*--.*$/gm, '');
  return /^\s*(DECLARE|BEGIN)\b/i.test(code) || /\bLOOP\b/.test(code);
}

/** Analyzes `statement` against `catalog`; a script yields no columns. */
export async function analyzeStatement(zeta: ZetaSqlServer, statement: Statement, catalog: Catalog): Promise<StatementOutcome> {
  if (isScript(statement.sql)) {
    const result = await analyzeScript(zeta, statement.sql, catalog);
    return result.ok ? { ok: true } : { ok: false, issue: issueAt(statement, result.message, result.line, result.column) };
  }
  const result = await analyze(zeta, statement.sql, catalog);
  return result.ok ? { ok: true, columns: result.columns } : { ok: false, issue: issueAt(statement, result.message, result.line, result.column) };
}

/** An issue about `statement`, located at line:col when given. */
export function issueAt(statement: Statement, message: string, line?: number, column?: number): ValidationIssue {
  const pointer = line !== undefined && column !== undefined ? pointAt(statement.sql, line, column) : undefined;
  const stepSite = pointer?.step && parseSite(pointer.step.site, statement.root);
  return {
    model: statement.model,
    statement: statement.label,
    message,
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
    ...(pointer ? { pointer } : {}),
    site: stepSite ?? statement.fallback,
  };
}

/** `pipelines/orders.ts:12:5` (relative to `root`) as a call site with an absolute file. */
function parseSite(text: string, root: string): CallSite | undefined {
  const match = /^(.+):(\d+):(\d+)$/.exec(text);
  if (!match) return undefined;
  return { file: path.resolve(root, match[1]!), line: Number(match[2]), column: Number(match[3]) };
}
