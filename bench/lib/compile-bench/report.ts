/** Prints the compile benchmark's results as plain-text tables. */
import type { ProfileSummary } from '../cpu-profile.js';
import { formatKb, formatMs, formatRatio } from '../stats.js';
import { renderTable } from '../table.js';
import { medianOf, medianWall, peakRss, type SizeResult } from './results.js';

/** The goal: at least this many times faster than Dataform at the largest size. */
export const targetSpeedup = 5;

type Ok = Extract<SizeResult, { ok: true }>;
const okOnly = (results: readonly SizeResult[]): Ok[] => results.filter((r): r is Ok => r.ok);

/** Sluice: wall time, in-process split, per-model cost, scaling between sizes, peak memory. */
export function sluiceTable(results: readonly SizeResult[]): string {
  const ok = okOnly(results);
  const rows = ok.map((r, i) => {
    const wall = medianWall(r);
    const prev = ok[i - 1];
    const perModel = wall / r.size;
    const marginal = prev ? (wall - medianWall(prev)) / (r.size - prev.size) : undefined;
    return [
      String(r.size),
      formatMs(wall),
      fmt(medianCpu(r)),
      fmt(medianOf(r, (s) => s.startupMs)),
      fmt(medianOf(r, (s) => s.loadMs)),
      fmt(medianOf(r, (s) => s.compileMs)),
      `${perModel.toFixed(1)} ms`,
      marginal === undefined ? '-' : `${marginal.toFixed(1)} ms`,
      prev ? formatRatio(perModel, medianWall(prev) / prev.size) : '-',
      formatKb(peakRss(r)),
    ];
  });
  return renderTable(['models', 'wall (median)', 'cpu', 'start-up', 'load', 'compile', 'per model', 'marginal/model', 'per-model ratio', 'peak RSS'], rows);
}

/** Dataform: wall time, per-model cost, peak memory. */
export function dataformTable(results: readonly SizeResult[]): string {
  const rows = okOnly(results).map((r) => [
    String(r.size),
    formatMs(medianWall(r)),
    fmt(medianCpu(r)),
    `${(medianWall(r) / r.size).toFixed(1)} ms`,
    formatKb(peakRss(r)),
  ]);
  return renderTable(['models', 'wall (median)', 'cpu', 'per model', 'peak RSS'], rows);
}

/**
 * Sluice vs Dataform per size (wall time, and CPU time when measured), with the target
 * verdict on wall time at the largest size both measured.
 */
export function comparisonTable(sluice: readonly SizeResult[], dataform: readonly SizeResult[]): string {
  const df = new Map(okOnly(dataform).map((r) => [r.size, r]));
  const both = okOnly(sluice).filter((r) => df.has(r.size));
  if (!both.length) return '(no size measured by both tools)';
  const rows = both.map((s) => {
    const d = df.get(s.size)!;
    return [String(s.size), formatMs(medianWall(s)), formatMs(medianWall(d)), formatRatio(medianWall(d), medianWall(s)), formatRatio(medianCpu(d), medianCpu(s))];
  });
  const largest = both[both.length - 1]!;
  const speedup = medianWall(df.get(largest.size)!) / medianWall(largest);
  const verdict = `target: >= ${targetSpeedup}x faster than Dataform at ${largest.size} models: ${speedup >= targetSpeedup ? 'MET' : 'NOT MET'} (${speedup.toFixed(1)}x)`;
  return `${renderTable(['models', 'Sluice wall', 'Dataform wall', 'speedup (wall)', 'speedup (cpu)'], rows)}\n${verdict}`;
}

/** Failures, one line each. */
export function failures(tool: string, results: readonly SizeResult[]): string[] {
  return results.flatMap((r) => (r.ok ? [] : [`${tool} @ ${r.size} models: ${r.reason}`]));
}

/** The top areas and functions of a CPU profile. */
export function profileReport(summary: ProfileSummary, top = 12): string {
  const pct = (ms: number) => `${((100 * ms) / summary.totalMs).toFixed(1)}%`;
  const areas = renderTable(['area (self time)', 'ms', 'share'], summary.areas.slice(0, top).map((a) => [a.name, a.ms.toFixed(0), pct(a.ms)]));
  const fns = renderTable(['function (self time)', 'ms', 'share'], summary.functions.slice(0, top).map((f) => [f.name, f.ms.toFixed(0), pct(f.ms)]));
  return `${areas}\n\n${fns}`;
}

const fmt = (ms: number | undefined) => (ms === undefined ? 'n/a' : formatMs(ms));
const medianCpu = (r: Ok) => medianOf(r, (s) => s.cpuMs);
