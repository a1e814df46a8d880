/** Turns an error into what the user sees and the process exit code. */
import pc from 'picocolors';
import { SluiceError } from '../sdk/errors.js';
import { ExitCode } from './exit-codes.js';
import { site } from './output/format.js';

/** True when stack traces should be shown: `--verbose` or `SLUICE_DEBUG=1`. */
export function debugEnabled(verbose: boolean | undefined): boolean {
  return Boolean(verbose) || process.env.SLUICE_DEBUG === '1';
}

/**
 * Prints `error` to stderr and returns the exit code. A SluiceError reads
 * `file:line:col: problem` plus its hint; anything else is a bug in Sluice.
 */
export function reportError(error: unknown, verbose: boolean | undefined, write: (text: string) => void): number {
  const debug = debugEnabled(verbose);
  if (error instanceof SluiceError) {
    const where = error.site ? `${site(error.site)}: ` : '';
    write(`${pc.red('error')} ${where}${error.problem}`);
    if (error.hint) write(`  ${pc.cyan('hint')}: ${error.hint}`);
    if (debug && error.stack) write(pc.dim(error.stack));
    return ExitCode.projectError;
  }
  const e = error instanceof Error ? error : new Error(String(error));
  write(`${pc.red('internal error')} ${e.message}`);
  write(debug && e.stack ? pc.dim(e.stack) : pc.dim('run again with --verbose (or SLUICE_DEBUG=1) for the stack trace, and report it'));
  return ExitCode.internal;
}
