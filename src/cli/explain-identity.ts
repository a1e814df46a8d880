/**
 * `sluice explain-identity <id> [other]`: reads the identity models of the locally built
 * DuckDB database and explains a customer: its registry entry and aliases, its records with
 * their keys, and the chain of shared keys linking a record to the anchor (or to `other`).
 */
import '../runners/duckdb/text-decoder.js';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import path from 'node:path';
import pc from 'picocolors';
import { SluiceError } from '../sdk/errors.js';
import { keyPath, recordName, type EdgeRow, type Hop } from '../transforms/identity/explain.js';
import { ExitCode } from './exit-codes.js';
import { shortPath } from './output/format.js';
import type { Write } from './output/progress.js';
import { environment, projectRoot, type GlobalOptions } from './project.js';

interface ExplainOptions {
  readonly env: string;
  readonly database?: string;
  readonly limit: number;
}

type Row = Record<string, string | null>;

/** Records listed per customer unless --limit says otherwise. */
const DEFAULT_LIMIT = 30;

export function explainIdentityCommand(program: Command, io: { out: Write; err: Write }): Command {
  return program
    .command('explain-identity')
    .argument('<id>', 'a customer id (cus_...), an alias, or a record id (source:record_id, or a record id unique across sources)')
    .argument('[other]', 'a second record: show the chain of shared keys between the two')
    .description('explain why records are one customer: its records, keys and the chain of shared keys between two records')
    .option('-e, --env <name>', 'environment whose DuckDB database to read', 'local')
    .option('--database <file>', "DuckDB file (default: the environment's path)")
    .option('-n, --limit <n>', 'records listed at most', (v) => Number.parseInt(v, 10), DEFAULT_LIMIT)
    .addHelpText(
      'after',
      `
Reads identity_records, identity_edges, customer_registry and customer_id_aliases from
the database that \`sluice run\` built. For a record, the chain runs from the record to
its customer's anchor (the earliest record, whose id the customer carries).

Examples:
  $ sluice explain-identity cus_crm_contacts:C0000001
  $ sluice explain-identity shop_orders:WS-00000001
  $ sluice explain-identity shop_orders:WS-00000001 app_events:E0000000001`,
    )
    .action(async (id: string, other: string | undefined, options: ExplainOptions, command: Command) => {
      const root = projectRoot(command.optsWithGlobals<GlobalOptions>());
      const env = await environment(root, options.env);
      if (env.warehouse.type !== 'duckdb') {
        throw new SluiceError(`environment '${env.name}' uses BigQuery; explain-identity reads a local DuckDB database`, undefined, 'use --env local');
      }
      const databasePath = path.resolve(root, options.database ?? env.warehouse.path);
      if (!existsSync(databasePath)) {
        throw new SluiceError(`no database at ${shortPath(databasePath)}`, undefined, 'build it first with `sluice run`');
      }
      const lines = await withDatabase(databasePath, (conn) => explain(conn, id, other, options.limit));
      for (const line of lines) io.out(line);
      command.setOptionValue('exitCode', ExitCode.ok);
    });
}

async function withDatabase<T>(file: string, use: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  try {
    return await use(conn);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** Rows of a parameterized query, every value as text (or null). */
async function rows(conn: DuckDBConnection, sql: string, params: string[] = []): Promise<Row[]> {
  try {
    const result = await conn.runAndReadAll(sql, params);
    return result.getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? null : v instanceof Date ? v.toISOString() : String(v)])));
  } catch (e) {
    if (/Table with name \w+ does not exist/.test(String(e))) {
      throw new SluiceError('the database has no identity models', undefined, 'build them first with `sluice run` (the identity pipeline writes identity_records)');
    }
    throw e;
  }
}

/** A record named by `source:record_id`, or by a record id unique across sources. */
async function findRecord(conn: DuckDBConnection, id: string): Promise<Row | undefined> {
  const exact = await rows(conn, `SELECT * FROM main.identity_records WHERE source || ':' || record_id = $1`, [id]);
  if (exact.length) return exact[0];
  const bare = await rows(conn, 'SELECT * FROM main.identity_records WHERE record_id = $1 ORDER BY source', [id]);
  if (bare.length > 1) {
    throw new SluiceError(`record id '${id}' exists in several sources: ${bare.map((r) => r.source).join(', ')}`, undefined, `name one as source:record_id, e.g. ${bare[0]!.source}:${id}`);
  }
  return bare[0];
}

/** The active customer an id resolves to, following merges; and the id's own registry row. */
async function resolveCustomer(conn: DuckDBConnection, id: string): Promise<{ customer: Row; via: Row[] } | undefined> {
  const via: Row[] = [];
  let current = id;
  for (let hops = 0; hops < 20; hops++) {
    const [row] = await rows(conn, 'SELECT * FROM main.customer_registry WHERE customer_id = $1', [current]);
    if (!row) return undefined;
    if (row.status === 'active' || row.merged_into === null) return { customer: row, via };
    via.push(row);
    current = String(row.merged_into);
  }
  throw new SluiceError(`alias chain of '${id}' is longer than 20 hops`, undefined, 'the registry is inconsistent: rebuild it');
}

async function explain(conn: DuckDBConnection, id: string, other: string | undefined, limit: number): Promise<string[]> {
  const record = await findRecord(conn, id);
  const resolved = record ? await resolveCustomer(conn, record.customer_id!) : await resolveCustomer(conn, id);
  if (!resolved) {
    throw new SluiceError(
      `unknown id '${id}': neither a customer id in customer_registry nor a record in identity_records`,
      undefined,
      'customer ids look like cus_crm_contacts:C0000001; records are source:record_id, e.g. shop_orders:WS-00000001 (records without any match key have no customer)',
    );
  }
  const { customer, via } = resolved;
  const customerId = customer.customer_id!;
  const out: string[] = [];
  for (const alias of via) out.push(pc.yellow(`${alias.customer_id} was merged into ${alias.merged_into} at ${alias.merged_at}: ${alias.merge_reason}`));
  out.push(`${pc.bold(customerId)}  ${customer.status}, anchor ${customer.anchor_source}:${customer.anchor_record_id}, first seen ${customer.first_seen_at}`);

  const aliases = await rows(conn, 'SELECT alias_id, merged_at FROM main.customer_id_aliases WHERE customer_id = $1 ORDER BY merged_at, alias_id', [customerId]);
  if (aliases.length) out.push(`aliases: ${aliases.map((a) => `${a.alias_id} (${a.merged_at})`).join(', ')}`);

  const members = await rows(conn, 'SELECT source, record_id, seen_at FROM main.identity_records WHERE customer_id = $1 ORDER BY seen_at, source, record_id', [customerId]);
  const edges = (await rows(
    conn,
    `SELECT e.source, e.record_id, e.key_type, e.key_value, e.rule FROM main.identity_edges e
     JOIN main.identity_records r ON r.source = e.source AND r.record_id = e.record_id WHERE r.customer_id = $1`,
    [customerId],
  )) as unknown as EdgeRow[];
  out.push('', `${members.length} record${members.length === 1 ? '' : 's'}:`);
  for (const m of members.slice(0, limit)) {
    const keys = edges.filter((e) => e.source === m.source && e.record_id === m.record_id).map((e) => `${e.key_type}=${e.key_value}`);
    out.push(`  ${recordName(m.source!, m.record_id!).padEnd(32)} ${m.seen_at}  ${pc.dim(keys.join(' ') || '(all keys blocked)')}`);
  }
  if (members.length > limit) out.push(pc.dim(`  … ${members.length - limit} more (--limit)`));

  const from = record ? recordName(record.source!, record.record_id!) : undefined;
  const to = other ? await otherRecord(conn, other, customerId) : recordName(customer.anchor_source!, customer.anchor_record_id!);
  if (from && from !== to) out.push('', ...renderPath(from, to, keyPath(edges, from, to)));
  return out;
}

/** The second record of a path question; it must belong to the same customer. */
async function otherRecord(conn: DuckDBConnection, id: string, customerId: string): Promise<string> {
  const record = await findRecord(conn, id);
  if (!record) throw new SluiceError(`unknown record '${id}' in identity_records`, undefined, 'records are source:record_id, e.g. shop_orders:WS-00000001');
  const name = recordName(record.source!, record.record_id!);
  const resolved = await resolveCustomer(conn, record.customer_id!);
  if (resolved?.customer.customer_id !== customerId) {
    throw new SluiceError(`${name} is not the same customer: it belongs to ${record.customer_id}`, undefined, 'no chain of shared keys links the two records');
  }
  return name;
}

function renderPath(from: string, to: string, hops: Hop[] | null): string[] {
  if (hops === null) return [pc.red(`no chain of kept keys links ${from} to ${to}`)];
  const lines = [`why ${from} and ${to} are one customer (${hops.length} shared key${hops.length === 1 ? '' : 's'}):`, `  ${from}`];
  for (const hop of hops) {
    const rules = hop.rules[0] === hop.rules[1] ? hop.rules[0] : `${hop.rules[0]} / ${hop.rules[1]}`;
    lines.push(`    └─ ${pc.cyan(`${hop.key_type} ${hop.key_value}`)} ${pc.dim(`(${rules})`)}`, `  ${hop.to}`);
  }
  return lines;
}
