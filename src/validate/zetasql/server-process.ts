/**
 * The ZetaSQL local-service binary as a child process: locating it in the npm package, picking
 * a free port, waiting until it listens, and killing it (explicitly, at exit, or through the
 * lifeline when we die abruptly).
 */
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { ZetaSqlError } from './errors.js';
import { trackPid, untrackPid } from './exit-hooks.js';
import { spawnWithLifeline } from './lifeline.js';

/** A running server process. */
export interface ServerProcess {
  readonly pid: number;
  readonly port: number;
  /** False once the process has exited (closed, crashed or killed). */
  readonly alive: boolean;
  /** Resolves with a description of how the process ended ('exit code 0', 'signal SIGSEGV'). */
  readonly exited: Promise<string>;
  /** Everything the server printed (for diagnostics after a crash). */
  output(): string;
  /** Stops the server and waits until it is gone. Idempotent. */
  kill(): Promise<void>;
}

const START_TIMEOUT_MS = 15_000;
const START_ATTEMPTS = 3;

/** Path of the server binary bundled in `@fivetrandevelopers/zetasql` for this platform. */
export function serverBinaryPath(): string {
  const arch = process.arch === 'arm64' ? '_arm' : process.arch === 'x64' ? '' : undefined;
  const ext = process.platform === 'linux' ? '.so' : process.platform === 'darwin' ? '' : undefined;
  if (arch === undefined || ext === undefined) {
    throw new ZetaSqlError(`ZetaSQL has no server binary for ${process.platform}-${process.arch}`);
  }
  const main = createRequire(import.meta.url).resolve('@fivetrandevelopers/zetasql');
  return join(dirname(main), 'zetasql', `remote_server${arch}${ext}`);
}

/** Spawns the server on a free port and resolves once it listens. Retries if the port was taken. */
export async function spawnServerProcess(): Promise<ServerProcess> {
  let lastError: unknown;
  for (let attempt = 0; attempt < START_ATTEMPTS; attempt++) {
    try {
      return await spawnOnce(await freePort());
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

/** Asks the OS for a free port by listening on port 0, then releases it for the server. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function spawnOnce(port: number): Promise<ServerProcess> {
  const child = spawnWithLifeline(serverBinaryPath(), ['localhost', String(port)]);
  let alive = true;
  const exited = new Promise<string>((resolve) => {
    child.wrapper.once('exit', (code, signal) => {
      alive = false;
      resolve(describeExit(code, signal));
    });
  });
  const pid = await child.programPid;
  trackPid(pid);
  exited.then(() => untrackPid(pid));

  const kill = async (): Promise<void> => {
    if (alive) {
      try {
        process.kill(pid, 'SIGKILL'); // stateless server: nothing to flush
      } catch {
        // Already exiting.
      }
      child.wrapper.stdin?.end();
    }
    await exited;
  };

  try {
    await waitForListening(child.output, exited);
  } catch (error) {
    await kill();
    throw error;
  }
  child.detach();
  return {
    pid,
    port,
    get alive() {
      return alive;
    },
    exited,
    output: child.output,
    kill,
  };
}

/** Polls the server's output for its "listening" line; fails if it exits or takes too long. */
async function waitForListening(output: () => string, exited: Promise<string>): Promise<void> {
  let ended: string | undefined;
  exited.then((how) => (ended = how));
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!/listening/i.test(output())) {
    if (ended !== undefined) {
      throw new ZetaSqlError(`ZetaSQL server exited during start-up (${ended}): ${output()}`);
    }
    if (Date.now() > deadline) {
      throw new ZetaSqlError(`ZetaSQL server did not start within ${START_TIMEOUT_MS} ms: ${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The wrapper exits with the server's status; statuses above 128 mean "killed by signal n". */
function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal) return `wrapper killed by ${signal}`;
  if (code !== null && code > 128) {
    const name = Object.entries(constants.signals).find(([, n]) => n === code - 128)?.[0];
    return `killed by ${name ?? `signal ${code - 128}`}`;
  }
  return `exit code ${code}`;
}
