/**
 * Positions in SQL text. ZetaSQL reports errors as `message [at line:col]` with 1-based
 * lines and columns counted in Unicode code points; parse trees give UTF-8 byte offsets.
 */

/** An error ZetaSQL reported about SQL text, with its position when known. */
export interface SqlDiagnostic {
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

const TRAILING_LOCATION = /^([\s\S]*?)\s*\[at (\d+):(\d+)\]\s*$/;

/** Splits a ZetaSQL error text into its message and trailing `[at line:col]`. */
export function parseErrorDetails(details: string): SqlDiagnostic {
  const match = TRAILING_LOCATION.exec(details);
  if (!match) return { message: details.trim() };
  return { message: match[1]!, line: Number(match[2]), column: Number(match[3]) };
}

/** A SQL text addressed by UTF-8 byte offsets, as ZetaSQL's parse locations are. */
export class SourceText {
  private readonly bytes: Buffer;

  constructor(readonly text: string) {
    this.bytes = Buffer.from(text, 'utf8');
  }

  /** The text between two byte offsets. */
  slice(startByte: number, endByte: number): string {
    return this.bytes.subarray(startByte, endByte).toString('utf8');
  }

  /** 1-based line and code-point column of a byte offset. */
  position(byteOffset: number): { line: number; column: number } {
    const before = this.slice(0, byteOffset);
    const lineStart = before.lastIndexOf('\n') + 1;
    const line = before.split('\n').length;
    return { line, column: [...before.slice(lineStart)].length + 1 };
  }

  /**
   * The text up to `startByte` blanked out (newlines kept, every other code point a space),
   * followed by the text from `startByte` to `endByte`. Analyzing that piece on its own
   * makes ZetaSQL report positions in the coordinates of the whole text.
   */
  isolate(startByte: number, endByte: number): string {
    const blank = [...this.slice(0, startByte)].map((ch) => (ch === '\n' || ch === '\r' ? ch : ' ')).join('');
    return blank + this.slice(startByte, endByte);
  }
}
