/**
 * One lazily started server per process, for tests and commands that analyze or evaluate
 * many statements: start-up (~1 s) is paid once. It is killed when the process exits; a
 * server that died (e.g. crashed on bad input) is replaced on the next request.
 */
import { startZetaSql, type ZetaSqlServer } from './server.js';

let pending: Promise<ZetaSqlServer> | undefined;
let current: ZetaSqlServer | undefined;

/** The shared server, starting it on first use. */
export function getSharedZetaSql(): Promise<ZetaSqlServer> {
  if (current && !current.alive) {
    current = undefined;
    pending = undefined;
  }
  if (!pending) {
    const starting = startZetaSql();
    pending = starting;
    starting.then(
      (server) => (current = server),
      () => {
        if (pending === starting) pending = undefined; // let the next caller retry
      },
    );
  }
  return pending;
}

/** Closes the shared server now (it would otherwise die at process exit). */
export async function closeSharedZetaSql(): Promise<void> {
  const server = pending;
  pending = undefined;
  current = undefined;
  await (await server?.catch(() => undefined))?.close();
}
