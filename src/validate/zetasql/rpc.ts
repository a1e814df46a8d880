/**
 * Promise wrappers over the generated gRPC client for the calls the harness uses. The
 * package's own `ZetaSQLClient` wrapper is a process-wide singleton and lacks `parse` and
 * `evaluateQuery`, so each server gets its own set of these.
 */
import { ZetaSqlError } from './errors.js';
import type {
  AnalyzeRequest,
  AnalyzeResponse__Output,
  EvaluateQueryRequest,
  ExtractTableNamesFromStatementResponse__Output,
  EvaluateQueryResponse__Output,
  LanguageOptionsProto,
  LanguageOptionsProto__Output,
  ParseRequest,
  ParseResponse__Output,
  RegisterCatalogRequest,
  RegisterResponse__Output,
  ZetaSqlLocalServiceClient,
} from './proto-types.js';

/** gRPC status codes the harness distinguishes. */
export const GrpcCode = { INVALID_ARGUMENT: 3, RESOURCE_EXHAUSTED: 8, OUT_OF_RANGE: 11, UNAVAILABLE: 14 } as const;

/** A call the server answered with an error status (e.g. a SQL analysis error, code 3). */
export class RpcFailure extends ZetaSqlError {
  constructor(
    readonly code: number,
    readonly details: string,
  ) {
    super(`ZetaSQL call failed (gRPC code ${code}): ${details}`);
    this.name = 'RpcFailure';
  }
}

/** The service calls used by the harness. */
export interface ZetaSqlRpc {
  analyze(request: AnalyzeRequest): Promise<AnalyzeResponse__Output>;
  parse(request: ParseRequest): Promise<ParseResponse__Output>;
  evaluateQuery(request: EvaluateQueryRequest): Promise<EvaluateQueryResponse__Output>;
  registerCatalog(request: RegisterCatalogRequest): Promise<RegisterResponse__Output>;
  unregisterCatalog(registeredId: string): Promise<void>;
  maximumLanguageOptions(): Promise<LanguageOptionsProto__Output>;
  /** Table names a statement or script mentions, each as its identifier segments. */
  tableNames(sql: string, languageOptions: LanguageOptionsProto): Promise<string[][]>;
}

/** Describes why calls cannot succeed, or undefined while the server runs. */
export type DeathCheck = () => string | undefined;

const CALL_TIMEOUT_MS = 60_000;

interface GrpcError {
  code?: number;
  details?: string;
  message?: string;
}
type Callback<T> = (error: GrpcError | null, value?: T) => void;

/** Wraps `client`; `death` lets a call that failed because the server died say so plainly. */
export function createRpc(client: ZetaSqlLocalServiceClient, death: DeathCheck): ZetaSqlRpc {
  const call = <T>(start: (options: { deadline: Date }, callback: Callback<T>) => unknown): Promise<T> => {
    const dead = death();
    if (dead) return Promise.reject(new ZetaSqlError(`ZetaSQL server is not running (${dead})`));
    return new Promise<T>((resolve, reject) => {
      start({ deadline: new Date(Date.now() + CALL_TIMEOUT_MS) }, (error, value) => {
        if (!error) return resolve(value as T);
        if (error.code === GrpcCode.UNAVAILABLE) {
          // A crash (e.g. SIGSEGV on malformed rows) shows up as UNAVAILABLE; give the exit
          // event a moment to arrive so the message can name the cause.
          setTimeout(() => {
            const why = death() ?? 'server unreachable';
            reject(new ZetaSqlError(`ZetaSQL server is not running (${why}): ${error.details ?? ''}`));
          }, 50);
          return;
        }
        reject(new RpcFailure(error.code ?? -1, error.details ?? error.message ?? 'unknown error'));
      });
    });
  };
  return {
    analyze: (request) => call((o, cb) => client.analyze(request, o, cb)),
    parse: (request) => call((o, cb) => client.parse(request, o, cb)),
    evaluateQuery: (request) => call((o, cb) => client.evaluateQuery(request, o, cb)),
    registerCatalog: (request) => call((o, cb) => client.registerCatalog(request, o, cb)),
    unregisterCatalog: async (registeredId) => {
      await call((o, cb) => client.unregisterCatalog({ registeredId }, o, cb));
    },
    maximumLanguageOptions: () =>
      call((o, cb) => client.getLanguageOptions({ maximumFeatures: true }, o, cb)),
    tableNames: async (sqlStatement, options) => {
      const request = { sqlStatement, options, allowScript: true };
      const response = await call<ExtractTableNamesFromStatementResponse__Output>((o, cb) =>
        client.extractTableNamesFromStatement(request, o, cb),
      );
      return response.tableName.map((name) => name.tableNameSegment);
    },
  };
}
