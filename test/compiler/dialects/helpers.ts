/**
 * Test helpers: hand-built IR and a scratch DuckDB to run emitted SQL against.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { CallSite } from '../../../src/sdk/callsite.js';
import type { SqlField, SqlType } from '../../../src/sdk/schema.js';
import type { Expr, LiteralValue, OpName } from '../../../src/compiler/ir/expr.js';
import type { Origin, Rel } from '../../../src/compiler/ir/rel.js';
import type { TableNames } from '../../../src/compiler/dialects/dialect.js';
import { createDuckDbDialect } from '../../../src/compiler/dialects/duckdb/index.js';
import { duckdbSyntax } from '../../../src/compiler/dialects/duckdb/syntax.js';

export const ROOT = '/repo';
export const site = (line: number, column = 5, file = `${ROOT}/pipelines/orders.ts`): CallSite => ({ file, line, column });
export const origin = (name: string, line: number): Origin => ({ name, site: site(line) });

export const col = (name: string, type: SqlType, rel?: string): Expr => ({ k: 'col', name, type, ...(rel ? { rel } : {}) });
export const lit = (value: LiteralValue, type: SqlType): Expr => ({ k: 'lit', value, type });
export const op = (name: OpName, args: Expr[], type: SqlType, at?: CallSite): Expr => ({
  k: 'op',
  op: name,
  args,
  type,
  ...(at ? { site: at } : {}),
});

/** Physical names: sources and models live in the default schema under their own names. */
export const flatNames: TableNames = { table: (ref) => [ref.name] };
/** BigQuery-style three-part names. */
export const projectNames: TableNames = {
  table: (ref) => ['my-project', ref.kind === 'source' ? 'raw' : 'analytics', ref.name],
};

export const duck = createDuckDbDialect({ relativeTo: ROOT });

export function scan(name: string, schema: readonly SqlField[], line = 1): Rel {
  return { k: 'scan', table: { kind: 'source', name }, schema, origin: origin(`orders/read_${name}`, line) };
}

/** A scratch in-memory DuckDB database. */
export class ScratchDb {
  private constructor(private readonly connection: DuckDBConnection) {}

  static async open(): Promise<ScratchDb> {
    const instance = await DuckDBInstance.create(':memory:');
    return new ScratchDb(await instance.connect());
  }

  async run(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  async rows(sql: string): Promise<Record<string, unknown>[]> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRowObjectsJS().map((row) =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])),
    );
  }

  /** Creates table `name` with `fields` and inserts `rows` through the dialect's literals. */
  async table(name: string, fields: readonly SqlField[], rows: readonly (readonly unknown[])[]): Promise<void> {
    const { quote, typeName, literal } = duckdbSyntax;
    await this.run(`CREATE OR REPLACE TABLE ${quote(name)} (${fields.map((f) => `${quote(f.name)} ${typeName(f.type)}`).join(', ')})`);
    if (rows.length === 0) return;
    const values = rows.map(
      (row) =>
        `(${row
          .map((v, i) => {
            const type = fields[i]!.type;
            if (Array.isArray(v)) return `[${v.map((x) => literal(x as LiteralValue, type.element!, site(0))).join(', ')}]`;
            return literal(v instanceof Date ? v.toISOString() : (v as LiteralValue), type, site(0));
          })
          .join(', ')})`,
    );
    await this.run(`INSERT INTO ${quote(name)} VALUES ${values.join(', ')}`);
  }
}
