/**
 * A connected ZetaSQL server: the process, a gRPC client bound to it, and the BigQuery
 * language/analyzer options fetched from it. Start one with {@link startZetaSql}; most
 * callers want the per-process shared one from `shared.ts`.
 */
import { ZetaSQLClient } from '@fivetrandevelopers/zetasql';
import { bigQueryAnalyzerOptions, bigQueryLanguageOptions } from './options.js';
import type { AnalyzerOptionsProto, LanguageOptionsProto, ZetaSqlLocalServiceClient } from './proto-types.js';
import { raiseProtobufRecursionLimit } from './proto-limits.js';
import { createRpc, type ZetaSqlRpc } from './rpc.js';
import { spawnServerProcess } from './server-process.js';

/** A running, connected ZetaSQL local service. */
export interface ZetaSqlServer {
  readonly pid: number;
  readonly port: number;
  readonly rpc: ZetaSqlRpc;
  /** BigQuery-like language options (also used for the catalogs' builtin functions). */
  readonly languageOptions: LanguageOptionsProto;
  /** Analyzer options for every analyze/evaluate call. */
  readonly analyzerOptions: AnalyzerOptionsProto;
  /** False once the server process has exited. */
  readonly alive: boolean;
  /** Resolves with how the server process ended. */
  readonly exited: Promise<string>;
  /** Disconnects and kills the server. Idempotent. */
  close(): Promise<void>;
}

/**
 * Spawns the server on a free port and connects to it. The server dies with this process
 * (close(), exit, signals, uncaught errors, and SIGKILL via the lifeline wrapper).
 * Costs about 1 s, mostly the client loading the service's protobuf definitions.
 */
export async function startZetaSql(): Promise<ZetaSqlServer> {
  raiseProtobufRecursionLimit();
  const proc = await spawnServerProcess();
  let client: ZetaSqlLocalServiceClient | undefined;
  try {
    // init() loads the protos and creates a client for this port. It stores the client in a
    // static; we keep our own reference so several servers can coexist in one process.
    ZetaSQLClient.init(proc.port);
    client = ZetaSQLClient.API as ZetaSqlLocalServiceClient;
    let ended: string | undefined;
    proc.exited.then((how) => (ended = how));
    const rpc = createRpc(client, () => ended);
    const languageOptions = bigQueryLanguageOptions(await rpc.maximumLanguageOptions());
    const connected = client;
    return {
      pid: proc.pid,
      port: proc.port,
      rpc,
      languageOptions,
      analyzerOptions: bigQueryAnalyzerOptions(languageOptions),
      get alive() {
        return proc.alive;
      },
      exited: proc.exited,
      close: async () => {
        connected.close();
        await proc.kill();
      },
    };
  } catch (error) {
    client?.close();
    await proc.kill();
    throw error;
  }
}
