/**
 * Summarizes a V8 `.cpuprofile` (written by `node --cpu-prof`): self time per area of the
 * code (a package, a folder of src/, node internals, GC) and per function, so a benchmark can
 * say what dominates without opening a profiler UI.
 */
import { readFile } from 'node:fs/promises';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly hitCount?: number;
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
}

export interface SelfTime {
  readonly name: string;
  readonly ms: number;
}

export interface ProfileSummary {
  readonly totalMs: number;
  /** Descending by self time. */
  readonly areas: readonly SelfTime[];
  readonly functions: readonly SelfTime[];
}

/** Reads and summarizes one profile; `repoRoot` shortens paths inside the repository. */
export async function summarizeProfile(file: string, repoRoot: string): Promise<ProfileSummary> {
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
  const selfUs = selfTimes(profile);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    const area = areaOf(frame.url, frame.functionName, repoRoot);
    areas.set(area, (areas.get(area) ?? 0) + us);
    const fn = `${frame.functionName || '(anonymous)'} ${shorten(frame.url, repoRoot)}:${frame.lineNumber + 1}`;
    functions.set(fn, (functions.get(fn) ?? 0) + us);
  }
  const sorted = (m: Map<string, number>) =>
    [...m].map(([name, us]) => ({ name, ms: us / 1000 })).sort((a, b) => b.ms - a.ms);
  return { totalMs: (profile.endTime - profile.startTime) / 1000, areas: sorted(areas), functions: sorted(functions) };
}

/** Microseconds of self time per node id, from the sample stream (exact) or hit counts. */
function selfTimes(profile: CpuProfile): Map<number, number> {
  const out = new Map<number, number>();
  if (profile.samples && profile.timeDeltas && profile.samples.length === profile.timeDeltas.length) {
    // timeDeltas[i] is the gap before sample i; attribute it to the sample that closes it.
    profile.samples.forEach((id, i) => out.set(id, (out.get(id) ?? 0) + (profile.timeDeltas![i + 1] ?? 0)));
    return out;
  }
  const hits = profile.nodes.reduce((sum, n) => sum + (n.hitCount ?? 0), 0) || 1;
  const perHit = (profile.endTime - profile.startTime) / hits;
  for (const n of profile.nodes) if (n.hitCount) out.set(n.id, n.hitCount * perHit);
  return out;
}

/** A coarse bucket: `typescript`, `src/compiler/translate`, `node internals`, `(garbage collector)`... */
export function areaOf(url: string, functionName: string, repoRoot: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return pkg[1]!;
  const local = shorten(url, repoRoot);
  if (local.startsWith('bench/.work/')) return 'generated pipelines';
  const parts = local.split('/');
  return parts.length > 3 ? parts.slice(0, 3).join('/') : parts.slice(0, -1).join('/') || local;
}

function shorten(url: string, repoRoot: string): string {
  const pathPart = url.startsWith('file://') ? decodeURIComponent(url.slice('file://'.length)) : url;
  const root = repoRoot.endsWith('/') ? repoRoot : `${repoRoot}/`;
  return pathPart.startsWith(root) ? pathPart.slice(root.length) : pathPart;
}
