/**
 * Samples the CPU time and memory high-water mark of a process *and all its descendants*
 * from Linux's /proc while it runs.
 *
 * Why not `getrusage` / `/usr/bin/time -v`: those only count children that were waited for.
 * The Dataform CLI compiles in a forked worker that it SIGKILLs and never reaps, so GNU time
 * reports the CLI's ~1 s of CPU and ~95 MB for a compile that burns far more in the worker.
 * Sampling sees every process of the tree. Accuracy: CPU in clock ticks (10 ms), and up to
 * one sampling interval of work at the very end of a process may be missed.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface TreeUsage {
  /** User + system CPU time summed over every process seen in the tree. */
  readonly cpuMs: number;
  /** Sum of the per-process RSS high-water marks (VmHWM): an upper bound of the tree's peak. */
  readonly peakRssKb: number;
  /** How many distinct processes were seen. */
  readonly processes: number;
}

export interface TreeWatcher {
  /** Takes a last sample and stops. */
  stop(): TreeUsage;
}

/** Linux reports CPU times in USER_HZ ticks, 100 per second on every mainstream kernel. */
const ticksPerSecond = 100;

interface Stat {
  readonly pid: number;
  readonly ppid: number;
  /** Start time in ticks since boot: with the pid, identifies a process despite pid reuse. */
  readonly start: string;
  readonly cpuTicks: number;
}

/** True when /proc can be sampled (Linux). */
export function canWatchProcessTrees(): boolean {
  try {
    readFileSync('/proc/self/stat', 'utf8');
    return true;
  } catch {
    return false;
  }
}

/** Starts sampling the tree rooted at `rootPid` every `intervalMs`. */
export function watchProcessTree(rootPid: number, intervalMs = 20): TreeWatcher {
  const seen = new Map<string, { cpuTicks: number; hwmKb: number }>();
  const sample = () => {
    const stats = allStats();
    const children = new Map<number, Stat[]>();
    for (const s of stats) {
      const siblings = children.get(s.ppid);
      if (siblings) siblings.push(s);
      else children.set(s.ppid, [s]);
    }
    const queue = stats.filter((s) => s.pid === rootPid);
    for (let s = queue.shift(); s; s = queue.shift()) {
      const key = `${s.pid}@${s.start}`;
      const prev = seen.get(key);
      const hwmKb = readHwmKb(s.pid) ?? prev?.hwmKb ?? 0;
      seen.set(key, { cpuTicks: Math.max(prev?.cpuTicks ?? 0, s.cpuTicks), hwmKb: Math.max(prev?.hwmKb ?? 0, hwmKb) });
      queue.push(...(children.get(s.pid) ?? []));
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const all = [...seen.values()];
      return {
        cpuMs: (all.reduce((sum, p) => sum + p.cpuTicks, 0) * 1000) / ticksPerSecond,
        peakRssKb: all.reduce((sum, p) => sum + p.hwmKb, 0),
        processes: all.length,
      };
    },
  };
}

function allStats(): Stat[] {
  const out: Stat[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = parseStat(readFileSync(`/proc/${name}/stat`, 'utf8'));
      if (stat) out.push(stat);
    } catch {
      // The process exited between readdir and read.
    }
  }
  return out;
}

/** Parses /proc/<pid>/stat; the command name may hold spaces and parentheses. */
export function parseStat(text: string): Stat | undefined {
  const close = text.lastIndexOf(')');
  if (close < 0) return undefined;
  const pid = Number(text.slice(0, text.indexOf(' ')));
  // Fields after the name, starting at field 3 (state): ppid is field 4, utime 14, stime 15, starttime 22.
  const f = text.slice(close + 2).trim().split(/\s+/);
  if (f.length < 20) return undefined;
  return { pid, ppid: Number(f[1]), cpuTicks: Number(f[11]) + Number(f[12]), start: f[19]! };
}

function readHwmKb(pid: number): number | undefined {
  try {
    const match = /^VmHWM:\s*(\d+)\s*kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}
