/**
 * A minimal streaming CSV writer (RFC 4180 quoting). Streams to disk in chunks so million-row
 * benchmark files never sit in memory as one string. NULL is an empty unquoted field;
 * fields with separators, quotes, newlines or edge spaces are quoted so readers keep them.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

export type CsvValue = string | number | boolean | null;

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

function field(value: CsvValue): string {
  if (value === null) return '';
  const text = String(value);
  return NEEDS_QUOTES.test(text) || text === '' ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes one CSV file with a fixed header. Call {@link close} when done. */
export class CsvWriter {
  private readonly fd: number;
  private buffer: string[] = [];
  private size = 0;
  rows = 0;

  constructor(
    readonly file: string,
    readonly columns: readonly string[],
  ) {
    this.fd = openSync(file, 'w');
    this.buffer.push(columns.join(',') + '\n');
  }

  /** Appends one row; `values` follow the header order. */
  row(values: readonly CsvValue[]): void {
    if (values.length !== this.columns.length) {
      throw new Error(`${this.file}: row has ${values.length} values, header has ${this.columns.length}`);
    }
    const line = values.map(field).join(',') + '\n';
    this.buffer.push(line);
    this.size += line.length;
    this.rows++;
    if (this.size > 1 << 20) this.flush();
  }

  private flush(): void {
    writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
