/**
 * Errors of the ZetaSQL harness itself (server failed, bad input data, a value Sluice cannot
 * represent). SQL that does not analyze is not an error here: `analyze` returns it as a result,
 * because reporting invalid SQL is the harness's job.
 */

/** The harness could not do what was asked (server down, malformed rows, unsupported value). */
export class ZetaSqlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZetaSqlError';
  }
}

/**
 * A query given to `evaluate` failed in ZetaSQL: it did not analyze (`kind: 'analysis'`) or
 * raised an error while running, such as division by zero or ERROR() (`kind: 'runtime'`).
 */
export class ZetaSqlQueryError extends ZetaSqlError {
  constructor(
    readonly kind: 'analysis' | 'runtime',
    readonly problem: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(`ZetaSQL ${kind} error: ${problem}${line !== undefined ? ` [at ${line}:${column}]` : ''}`);
    this.name = 'ZetaSqlQueryError';
  }
}
