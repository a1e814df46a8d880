import { fileURLToPath } from 'node:url';

/** A position in a user's TypeScript source (1-based line and column). */
export interface CallSite {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export function formatCallSite(site: CallSite): string {
  return `${site.file}:${site.line}:${site.column}`;
}

const sdkDir = fileURLToPath(new URL('.', import.meta.url));

// Stack lines look like `    at fn (file:///x/y.ts:3:10)` or `    at file:///x/y.ts:3:10`.
const framePattern = /\(?((?:file:\/\/)?[^()\s]+?):(\d+):(\d+)\)?$/;

/**
 * The position of the first stack frame outside the SDK: where the user called an SDK
 * function. Relies on source maps (tsx enables them) so positions are in the .ts source.
 */
export function captureCallSite(): CallSite {
  // Source-mapping every frame is costly; the user's frame is always among the first few.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 12;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = limit;
  for (const raw of stack.split('\n').slice(1)) {
    const match = framePattern.exec(raw.trim());
    if (!match) continue;
    const file = match[1]!.startsWith('file://') ? fileURLToPath(match[1]!) : match[1]!;
    if (file.startsWith(sdkDir) || file.startsWith('node:') || file.includes('/node_modules/')) continue;
    return { file, line: Number(match[2]), column: Number(match[3]) };
  }
  return { file: '<unknown>', line: 0, column: 0 };
}
