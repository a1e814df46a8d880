/**
 * Atomic database builds: work on a copy of the database file and move it over the original
 * only when the build succeeded, so a failed run leaves the previous database untouched.
 * (One long transaction would not do: DuckDB plans statements on tables created inside an
 * open transaction as if they were empty.)
 */
import { copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

/** DuckDB's write-ahead log for a database file. */
const walOf = (file: string) => `${file}.wal`;

/**
 * Calls `build` with the path of a working copy of `dbFile` (a fresh file if `dbFile` does
 * not exist yet). `build` must close the database before returning. If it returns true the
 * copy replaces `dbFile`; if it returns false or throws, the copy is deleted. Returns
 * whether `dbFile` was replaced.
 */
export async function withWorkingCopy(dbFile: string, build: (workFile: string) => Promise<boolean>): Promise<boolean> {
  const dir = path.dirname(dbFile);
  await mkdir(dir, { recursive: true });
  await removeAbandonedCopies(dbFile);
  const work = path.join(dir, `.${path.basename(dbFile)}.building-${process.pid}`);
  await discard(work);
  if (await exists(dbFile)) {
    await copyFile(dbFile, work);
    if (await exists(walOf(dbFile))) await copyFile(walOf(dbFile), walOf(work));
  }
  let ok = false;
  try {
    ok = await build(work);
  } finally {
    if (!ok) await discard(work);
  }
  if (!ok) return false;
  // The copy already holds the original's WAL (replayed and checkpointed); a stale WAL
  // next to the new file would be replayed onto it.
  await rm(walOf(dbFile), { force: true });
  if (await exists(walOf(work))) await rename(walOf(work), walOf(dbFile));
  await rename(work, dbFile);
  return true;
}

async function discard(work: string): Promise<void> {
  await rm(work, { force: true });
  await rm(walOf(work), { force: true });
}

/** Deletes working copies left by runs that were killed (their process no longer exists). */
async function removeAbandonedCopies(dbFile: string): Promise<void> {
  const dir = path.dirname(dbFile);
  const prefix = `.${path.basename(dbFile)}.building-`;
  for (const name of await readdir(dir)) {
    if (!name.startsWith(prefix) || name.endsWith('.wal')) continue;
    const pid = Number(name.slice(prefix.length));
    if (Number.isInteger(pid) && pid !== process.pid && !isAlive(pid)) await discard(path.join(dir, name));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
