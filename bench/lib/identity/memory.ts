/**
 * Peak resident memory of this process (JS heap + DuckDB's native buffers) while a task runs,
 * and the CPU time it used (all threads, DuckDB's included): on a shared machine CPU time is
 * steadier than wall time.
 */
export async function withPeakRss<T>(task: () => Promise<T>): Promise<{ value: T; peakRssMb: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  try {
    const value = await task();
    peak = Math.max(peak, process.memoryUsage.rss());
    const used = process.cpuUsage(cpu);
    return { value, peakRssMb: peak / 2 ** 20, cpuMs: (used.user + used.system) / 1000 };
  } finally {
    clearInterval(timer);
  }
}
