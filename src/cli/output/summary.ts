/** The end-of-run report: a table of built models and the expectations that did not pass. */
import pc from 'picocolors';
import type { ExpectationResult, RunSummary } from '../../runners/duckdb/events.js';
import { count, duration, site, table } from './format.js';

/** Renders the summary printed after `sluice run`. */
export function renderSummary(summary: RunSummary, databasePath: string): string {
  const out: string[] = [];
  if (summary.models.length) {
    out.push(
      table(
        ['model', 'kind', 'rows', 'time'],
        summary.models.map((m) => [m.name, m.materialize, count(m.rows), duration(m.ms)]),
        [false, false, true, true],
      ),
    );
  }
  const passed = summary.expectations.filter((e) => e.status === 'pass').length;
  const warned = summary.expectations.filter((e) => e.status === 'warn');
  const failed = summary.expectations.filter((e) => e.status === 'fail');
  for (const e of [...failed, ...warned]) out.push(renderExpectation(e));
  out.push(
    [
      `${count(summary.models.length)} model${summary.models.length === 1 ? '' : 's'} built`,
      `expectations: ${pc.green(`${passed} passed`)}, ${warned.length ? pc.yellow(`${warned.length} warned`) : '0 warned'}, ${failed.length ? pc.red(`${failed.length} failed`) : '0 failed'}`,
      duration(summary.ms),
    ].join(pc.dim(' · ')),
  );
  out.push(
    summary.committed
      ? pc.dim(`database: ${databasePath}`)
      : pc.red(`run failed: ${databasePath} was left as it was before this run`),
  );
  return out.join('\n\n');
}

function renderExpectation(e: ExpectationResult): string {
  const label = e.status === 'fail' ? pc.red('FAILED') : pc.yellow('WARNED');
  const lines = [`${label} ${e.name}: ${e.description} ${pc.dim(`(${count(e.failures)} failing row${e.failures === 1 ? '' : 's'}, ${site(e.site)})`)}`];
  if (e.samples.length) {
    const columns = Object.keys(e.samples[0]!);
    lines.push(
      table(
        columns,
        e.samples.map((row) => columns.map((c) => cell(row[c]))),
      )
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\n'),
    );
  }
  return lines.join('\n');
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return pc.dim('NULL');
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
