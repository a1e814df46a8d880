/**
 * Spawns a program through a tiny `sh` wrapper that kills it as soon as the wrapper's stdin
 * reaches end-of-file. We keep the write end of that pipe open and never write to it; the
 * kernel closes it when our process dies for any reason, including SIGKILL, so the program
 * cannot outlive us. The wrapper exits with the program's status (128+n for signal n), so a
 * crashed program is noticed as the wrapper's exit.
 */
import { spawn, type ChildProcess } from 'node:child_process';

// $0 is the program, "$@" its arguments. fd 3 keeps the original stdin for the watcher,
// because POSIX sh gives background jobs /dev/null as stdin.
const WRAPPER = [
  'exec 3<&0',
  '"$0" "$@" </dev/null &',
  'prog=$!',
  'echo "lifeline-pid $prog"',
  '( read -r _ <&3; kill -9 "$prog" 2>/dev/null ) &',
  'watcher=$!',
  'wait "$prog"',
  'status=$?',
  'kill "$watcher" 2>/dev/null',
  'exit "$status"',
].join('\n');

/** The wrapper process and the pid of the program it runs. */
export interface LifelineChild {
  readonly wrapper: ChildProcess;
  /** Resolves with the program's pid (the wrapper prints it first thing). */
  readonly programPid: Promise<number>;
  /** Everything the program printed on stdout and stderr so far (for diagnostics). */
  output(): string;
  /**
   * Stops the child's handles from keeping our event loop alive, so a long-lived server does
   * not hold tests or CLIs open. Call it once start-up is over: until then those handles are
   * what keeps an awaiting process (e.g. top-level await) running.
   */
  detach(): void;
}

/** Starts `program args...` under the lifeline wrapper. */
export function spawnWithLifeline(program: string, args: readonly string[]): LifelineChild {
  const wrapper = spawn('/bin/sh', ['-c', WRAPPER, program, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let text = '';
  const programPid = new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      text = (text + chunk.toString('utf8')).slice(-8192);
      const match = /lifeline-pid (\d+)/.exec(text);
      if (match) resolve(Number(match[1]));
    };
    wrapper.stdout!.on('data', onData);
    wrapper.stderr!.on('data', onData);
    wrapper.once('error', reject);
    wrapper.once('exit', () => reject(new Error(`lifeline wrapper exited early: ${text}`)));
  });
  programPid.catch(() => undefined); // callers observe it; avoid an unhandled rejection here
  // Writes to a dead wrapper would raise EPIPE; we never write, but be safe.
  wrapper.stdin!.on('error', () => undefined);
  const detach = (): void => {
    wrapper.unref();
    for (const stream of [wrapper.stdin, wrapper.stdout, wrapper.stderr]) {
      (stream as unknown as { unref?: () => void }).unref?.();
    }
  };
  return { wrapper, programPid, output: () => text, detach };
}
