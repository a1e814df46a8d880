/**
 * Maps a row's position in a data file to its line number, for error messages. Only run
 * when there is an error to report, so it may read the whole file.
 */
import { readFile } from 'node:fs/promises';

/**
 * Line numbers (1-based) of data rows `rows` (0-based, header excluded) of a CSV file.
 * Quoted fields may span lines; blank lines are skipped, as DuckDB's reader does.
 */
export async function csvRowLines(file: string, rows: readonly number[]): Promise<Map<number, number>> {
  const text = await readFile(file, 'utf8');
  const wanted = new Set(rows);
  const out = new Map<number, number>();
  let line = 1;
  let record = -1; // the header is record -1, data rows count from 0
  let atRecordStart = true;
  let inQuotes = false;
  for (let i = 0; i < text.length && out.size < wanted.size; i++) {
    const ch = text[i]!;
    if (atRecordStart && ch !== '\n' && ch !== '\r') {
      atRecordStart = false;
      if (wanted.has(record)) out.set(record, line);
    }
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === '\n') {
      line++;
      if (!inQuotes && !atRecordStart) {
        atRecordStart = true;
        record++;
      }
    }
  }
  return out;
}

/** Line numbers of rows `rows` (0-based) of an NDJSON file, skipping blank lines as DuckDB does. */
export async function ndjsonRowLines(file: string, rows: readonly number[]): Promise<Map<number, number>> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  const wanted = new Set(rows);
  const out = new Map<number, number>();
  let row = 0;
  lines.forEach((text, index) => {
    if (!text.trim()) return;
    if (wanted.has(row)) out.set(row, index + 1);
    row++;
  });
  return out;
}
