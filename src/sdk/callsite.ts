import { findSourceMap } from 'node:module';
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

/** Returns V8's structured frames instead of a formatted stack string. */
const structuredFrames = (_error: Error, frames: NodeJS.CallSite[]): NodeJS.CallSite[] => frames;

/**
 * The position of the first stack frame outside the SDK: where the user called an SDK
 * function. Relies on source maps (tsx enables them) so positions are in the .ts source.
 */
export function captureCallSite(): CallSite {
  // Formatting a stack string source-maps every frame and looks up symbol names; reading V8's
  // structured frames and mapping only the few SDK frames before the user's is much cheaper.
  const limit = Error.stackTraceLimit;
  const prepare = Error.prepareStackTrace;
  let frames: NodeJS.CallSite[];
  try {
    Error.stackTraceLimit = 12;
    Error.prepareStackTrace = structuredFrames;
    frames = (new Error().stack as unknown as NodeJS.CallSite[] | undefined) ?? [];
  } finally {
    Error.stackTraceLimit = limit;
    Error.prepareStackTrace = prepare;
  }
  const mapped = process.sourceMapsEnabled;
  // Frame 0 is this function.
  for (const frame of frames.slice(1)) {
    const site = (mapped ? sourcePosition(frame) : undefined) ?? rawPosition(frame);
    if (!site) continue;
    if (site.file.startsWith(sdkDir) || site.file.startsWith('node:') || site.file.includes('/node_modules/')) continue;
    return site;
  }
  return { file: '<unknown>', line: 0, column: 0 };
}

/**
 * A frame's position in its original source, as Node's source-map support prints it in
 * stack traces (internal/source_map/prepare_stack_trace.js), or undefined without a mapping.
 */
function sourcePosition(frame: NodeJS.CallSite): CallSite | undefined {
  try {
    const fileName = frame.getFileName();
    const generated = fileName === undefined ? frame.getEvalOrigin() : fileName;
    const line = frame.getLineNumber();
    const column = frame.getColumnNumber();
    if (generated === undefined || generated === null || line === null || column === null) return undefined;
    const entry = findSourceMap(generated)?.findEntry(line - 1, column - 1);
    if (!entry || !('originalSource' in entry)) return undefined;
    const { originalSource, originalLine, originalColumn } = entry;
    if (originalSource === undefined || originalLine === undefined || originalColumn === undefined) return undefined;
    const file = originalSource.startsWith('file://') ? fileURLToPath(originalSource) : originalSource;
    return { file, line: originalLine + 1, column: originalColumn + 1 };
  } catch {
    // Node's own formatter falls back to the raw frame when mapping fails; so do we.
    return undefined;
  }
}

/** A frame's unmapped position, read from V8's own rendering of it (handles eval frames). */
function rawPosition(frame: NodeJS.CallSite): CallSite | undefined {
  const match = framePattern.exec(String(frame).trim());
  if (!match) return undefined;
  const file = match[1]!.startsWith('file://') ? fileURLToPath(match[1]!) : match[1]!;
  return { file, line: Number(match[2]), column: Number(match[3]) };
}
