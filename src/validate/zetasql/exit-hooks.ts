/**
 * Kills tracked child pids when this process ends normally, on an uncaught error (Node still
 * emits 'exit') or on SIGINT/SIGTERM/SIGHUP. A SIGKILLed parent runs no code at all: that case
 * is covered by the lifeline wrapper (see lifeline.ts); these hooks only make the common cases
 * immediate instead of relying on the wrapper noticing a closed pipe.
 */

const tracked = new Set<number>();
let installed = false;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Kills `pid` with SIGKILL when this process exits, unless {@link untrackPid} is called first. */
export function trackPid(pid: number): void {
  tracked.add(pid);
  install();
}

/** Stops tracking `pid` (it was closed normally). */
export function untrackPid(pid: number): void {
  tracked.delete(pid);
}

function killTracked(): void {
  for (const pid of tracked) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone: nothing to clean up.
    }
  }
  tracked.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  killTracked();
  // Listening to a signal disables Node's default action (exit). If nobody else handles it,
  // restore that behavior by re-raising the signal now that our listener is gone.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', killTracked);
  for (const signal of SIGNALS) process.once(signal, onSignal);
}
