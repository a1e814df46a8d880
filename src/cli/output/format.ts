/** Small text helpers for terminal output: durations, counts, aligned tables. */
import pc from 'picocolors';
import path from 'node:path';
import { formatCallSite, type CallSite } from '../../sdk/callsite.js';

/** `850ms`, `2.4s`, `3m 05s`. */
export function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
}

/** `12,345`. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** A call site with its file relative to the working directory (clickable in terminals). */
export function site(s: CallSite): string {
  const rel = path.relative(process.cwd(), s.file);
  return formatCallSite({ ...s, file: rel && !rel.startsWith('..') ? rel : s.file });
}

/** A path relative to the working directory when it is inside it. */
export function shortPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

// eslint-disable-next-line no-control-regex
const ansi = /\u001b\[[0-9;]*m/g;
const visible = (s: string) => s.replace(ansi, '').length;

/** Left-aligned columns (right-aligned where `right[i]`), header dimmed. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], right: readonly boolean[] = []): string {
  const widths = header.map((h, i) => Math.max(visible(h), ...rows.map((r) => visible(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => {
        const pad = ' '.repeat(widths[i]! - visible(c));
        return right[i] ? pad + c : i === cells.length - 1 ? c : c + pad;
      })
      .join('  ')
      .trimEnd();
  return [pc.dim(line(header)), ...rows.map(line)].join('\n');
}
