import { formatCallSite, type CallSite } from './callsite.js';

/**
 * An error in the user's pipeline code, tied to the place that caused it.
 * The message reads `file:line:col: what is wrong` followed by an optional hint.
 */
export class SluiceError extends Error {
  constructor(
    readonly problem: string,
    readonly site?: CallSite,
    readonly hint?: string,
  ) {
    super(`${site ? `${formatCallSite(site)}: ` : ''}${problem}${hint ? `\n  hint: ${hint}` : ''}`);
    this.name = 'SluiceError';
  }
}
