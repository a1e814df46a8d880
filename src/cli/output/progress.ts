/**
 * Progress of a run as concise lines on stderr: one per loaded source and built model.
 * Plain lines (no spinners or cursor movement) read the same in a terminal and in CI logs.
 */
import pc from 'picocolors';
import type { RunEvent } from '../../runners/duckdb/events.js';
import { count, duration, shortPath } from './format.js';

export type Write = (line: string) => void;

/** An event handler printing each run event as one line. */
export function progressPrinter(write: Write): (event: RunEvent) => void {
  return (event) => {
    switch (event.kind) {
      case 'source-loaded':
        write(`${pc.dim('load ')} ${event.source.name} ${pc.dim(`${count(event.source.rows)} rows from ${shortPath(event.source.file)} in ${duration(event.source.ms)}`)}`);
        break;
      case 'model-built':
        write(`${pc.green('built')} ${event.result.name} ${pc.dim(`${event.result.materialize}, ${count(event.result.rows)} rows in ${duration(event.result.ms)}`)}`);
        break;
      case 'model-failed':
        write(`${pc.red('FAIL ')} ${event.model}`);
        break;
      case 'warning':
        write(`${pc.yellow('warn ')} ${event.message}`);
        break;
      case 'model-started':
      case 'expectation':
        break;
    }
  };
}
