/** What one tool measured for one project size. */
import { maxOf, median } from '../stats.js';

export interface RunSample {
  /** The whole compile process, start to exit, as the user waits for it. */
  readonly wallMs: number;
  readonly maxRssKb?: number;
  /** User + system CPU time of the process tree (see measure.ts). */
  readonly cpuMs?: number;
  /** Sluice only: in-process split of the compile (see sluice-compile-child.ts). */
  readonly startupMs?: number;
  readonly loadMs?: number;
  readonly compileMs?: number;
}

export type SizeResult =
  | { readonly size: number; readonly ok: true; readonly samples: readonly RunSample[] }
  | { readonly size: number; readonly ok: false; readonly reason: string };

/** Median wall time of the samples. */
export const medianWall = (r: { samples: readonly RunSample[] }): number => median(r.samples.map((s) => s.wallMs));

/** Peak RSS over all samples. */
export const peakRss = (r: { samples: readonly RunSample[] }): number | undefined => maxOf(r.samples.map((s) => s.maxRssKb));

/** Median of an optional per-sample figure, when every sample has it. */
export function medianOf(r: { samples: readonly RunSample[] }, pick: (s: RunSample) => number | undefined): number | undefined {
  const values = r.samples.map(pick);
  return values.every((v): v is number => v !== undefined) && values.length ? median(values) : undefined;
}
