/**
 * One DuckDB database file opened with a fixed set of connections, handed out one task at
 * a time. DuckDB lets connections of one instance run statements concurrently.
 */
import './text-decoder.js';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export class Database {
  private readonly idle: DuckDBConnection[];
  private readonly waiting: ((conn: DuckDBConnection) => void)[] = [];

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connections: readonly DuckDBConnection[],
  ) {
    this.idle = [...connections];
  }

  /** Opens (or creates) the database at `file` with `connections` connections. */
  static async open(file: string, connections: number): Promise<Database> {
    const instance = await DuckDBInstance.create(file);
    const conns: DuckDBConnection[] = [];
    for (let i = 0; i < Math.max(1, connections); i++) conns.push(await instance.connect());
    return new Database(instance, conns);
  }

  /** Runs `task` with a connection of its own, waiting for one to be free. */
  async use<T>(task: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
    const conn = this.idle.pop() ?? (await new Promise<DuckDBConnection>((resolve) => this.waiting.push(resolve)));
    try {
      return await task(conn);
    } finally {
      const next = this.waiting.shift();
      if (next) next(conn);
      else this.idle.push(conn);
    }
  }

  /** Writes everything to the database file (no WAL left behind) and closes it. */
  async close(options: { checkpoint: boolean }): Promise<void> {
    if (options.checkpoint) await this.connections[0]!.run('CHECKPOINT');
    for (const conn of this.connections) conn.closeSync();
    this.instance.closeSync();
  }
}
