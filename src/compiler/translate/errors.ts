/** Compile errors in lambda source, positioned at the offending construct. */
import type { Node } from 'ts-morph';
import type { CallSite } from '../../sdk/callsite.js';
import { SluiceError } from '../../sdk/errors.js';

/** The 1-based file:line:col where `node` starts (leading trivia excluded). */
export function siteOf(node: Node): CallSite {
  const sf = node.getSourceFile();
  const { line, column } = sf.getLineAndColumnAtPos(node.getStart());
  return { file: sf.getFilePath(), line, column };
}

/** Throws a SluiceError at `node`: what is wrong, and what to write instead. */
export function fail(node: Node, problem: string, hint?: string): never {
  throw new SluiceError(problem, siteOf(node), hint);
}

/** Shortens source text for messages. */
export function snippet(node: Node, max = 60): string {
  const text = node.getText().replace(/\s+/g, ' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
