/**
 * Points from a line:col in emitted BigQuery SQL back to what the user wrote: the offending
 * SQL line with a caret under the column, and the pipeline step (transform name and its
 * TypeScript call site) whose `-- name (file:line:col)` comment heads the enclosing CTE.
 */

/** A step comment as the emitter writes it above each CTE and the final SELECT. */
export interface StepOrigin {
  /** The transform's hierarchical name, e.g. `orders/normalize/map`. */
  readonly name: string;
  /** Its call site as printed in the comment (`pipelines/orders.ts:12:5`). */
  readonly site: string;
}

/** Where an error sits in the SQL text and which step produced that part. */
export interface SqlPointer {
  /** The SQL line the error is on. */
  readonly sqlLine: string;
  /** Spaces up to the column, then `^`: print it under `sqlLine`. */
  readonly caret: string;
  /** The nearest step comment at or above the line; undefined in a statement's header. */
  readonly step?: StepOrigin;
}

// `-- orders/normalize/map (pipelines/orders.ts:12:5)`; the name may hold spaces and parens.
const STEP_COMMENT = /^\s*-- (.+) \(([^()]+:\d+:\d+)\)\s*$/;

/** Parses a step comment line, or undefined when the line is not one. */
export function parseStepComment(line: string): StepOrigin | undefined {
  const match = STEP_COMMENT.exec(line);
  return match ? { name: match[1]!, site: match[2]! } : undefined;
}

/**
 * The pointer for 1-based `line` and code-point `column` (ZetaSQL's coordinates) in `sql`,
 * or undefined when the line does not exist.
 */
export function pointAt(sql: string, line: number, column: number): SqlPointer | undefined {
  const lines = sql.split('\n');
  const text = lines[line - 1];
  if (text === undefined) return undefined;
  // Tabs stay tabs so the caret lines up in a terminal whatever its tab width.
  const lead = [...text].slice(0, Math.max(0, column - 1)).map((ch) => (ch === '\t' ? '\t' : ' ')).join('');
  let step: StepOrigin | undefined;
  for (let i = line - 1; i >= 0 && !step; i--) step = parseStepComment(lines[i]!);
  return { sqlLine: text, caret: `${lead}^`, ...(step ? { step } : {}) };
}
