/**
 * The ZetaSQL program runner: statements, loops and assertions with the BigQuery script's
 * semantics, values kept exact between statements, and the compiled connected-components
 * model giving the same components as DuckDB.
 */
import { expect } from 'chai';
import { compile } from '../../../src/compiler/index.js';
import { assert, capMessage, exec, loop, type Program } from '../../../src/compiler/ir/program.js';
import { connectedComponents, pipeline, source, t } from '../../../src/sdk/index.js';
import { schemaFields } from '../../../src/sdk/schema.js';
import { ZetaSqlError, ZetaSqlQueryError } from '../../../src/validate/zetasql/errors.js';
import { IterationCapError, ProgramAssertionError, runProgramOnZetaSql } from '../../../src/validate/zetasql/program.js';
import { runModelsOnZetaSql, zetaSqlTableNames } from '../../../src/validate/zetasql/program-models.js';
import { getSharedZetaSql } from '../../../src/validate/zetasql/shared.js';
import { runOnDuckDb } from '../../support/duckdb.js';

const numbers = { path: ['nums'], columns: schemaFields({ n: t.int64(), label: t.string().nullable() }), rows: [{ n: 1, label: 'one' }, { n: 2, label: null }] };

const run = async (program: Program) => runProgramOnZetaSql(await getSharedZetaSql(), program, [numbers]);
const rowsOf = async (program: Program, table: string) => (await run(program)).tables.read([table]).rows;
const rejection = async (promise: Promise<unknown>): Promise<Error> => {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
};

describe('runProgramOnZetaSql', function () {
  this.timeout(30_000);

  it('creates tables from queries and from column lists, inserts into listed columns, drops', async () => {
    const { tables, statements } = await run({
      steps: [
        exec('CREATE OR REPLACE TEMP TABLE doubled AS\nSELECT n * 2 AS m, label FROM nums'),
        exec('CREATE TEMP TABLE log (m INT64, note STRING, seen BOOL)'),
        exec("INSERT INTO log (note, m) SELECT 'from doubled', m FROM doubled WHERE m > 2"),
        exec('CREATE TEMP TABLE scratch AS SELECT 1 AS x'),
        exec('DROP TABLE IF EXISTS scratch'),
        exec('DROP TABLE IF EXISTS never_made'),
      ],
    });
    expect(statements).to.equal(6);
    expect(tables.read(['doubled']).rows).to.deep.equal([{ m: 2, label: 'one' }, { m: 4, label: null }]);
    expect(tables.read(['log']).rows).to.deep.equal([{ m: 4, note: 'from doubled', seen: null }]);
    expect(tables.has(['scratch'])).to.equal(false);
    expect(tables.read(['nums']).rows).to.deep.equal(numbers.rows);
  });

  it('names a CREATE TABLE ... AS query by its column list (by position) and checks the DDL', async () => {
    const ddl = "CREATE OR REPLACE TABLE `analytics.out`\n(\n  total INT64 OPTIONS (description = 'AS\\nSELECT'),\n  what STRING\n)\nCLUSTER BY what\nOPTIONS (\n  description = 'x'\n)\nAS\nSELECT SUM(n) AS s, 'sum' AS w FROM nums";
    expect(await rowsOf({ steps: [exec(ddl)] }, 'analytics.out')).to.deep.equal([{ total: 3, what: 'sum' }]);
    const view = "-- a view is materialized at once\nCREATE OR REPLACE VIEW `analytics.v`\n(\n  m OPTIONS (description = 'n'),\n  text\n)\nAS\nSELECT n, label FROM nums WHERE n = 1";
    expect(await rowsOf({ steps: [exec(view)] }, 'analytics.v')).to.deep.equal([{ m: 1, text: 'one' }]);
    const wrongType = await rejection(run({ steps: [exec('CREATE TABLE t (x INT64) AS SELECT 1.5 AS x')] }));
    expect(wrongType).to.be.instanceOf(ZetaSqlQueryError);
    expect(wrongType.message).to.match(/Column 'x' has type INT64 which cannot be coerced from query output type FLOAT64/);
    // BigQuery would widen INT64 to FLOAT64; the runner refuses rather than imitate conversions.
    const widened = await rejection(run({ steps: [exec('CREATE TABLE t (x FLOAT64) AS SELECT 1 AS x')] }));
    expect(widened).to.not.be.instanceOf(ZetaSqlQueryError);
    expect(widened.message).to.equal('t column x is FLOAT64 but the query gives INT64; the program runner does not coerce');
    const unknownColumn = await rejection(run({ steps: [exec('CREATE TEMP TABLE t AS\nSELECT nope FROM nums')] }));
    expect(unknownColumn).to.be.instanceOf(ZetaSqlQueryError);
    expect((unknownColumn as ZetaSqlQueryError).line).to.equal(2);
  });

  it('fails on CREATE of an existing table without OR REPLACE, keeps it with IF NOT EXISTS, and on DROP of a missing one', async () => {
    const again = await rejection(run({ steps: [exec('CREATE TEMP TABLE a AS SELECT 1 AS x'), exec('CREATE TEMP TABLE a AS SELECT 2 AS x')] }));
    expect(again.message).to.match(/Already Exists: Table a/);
    expect(await rowsOf({ steps: [exec('CREATE TEMP TABLE a AS SELECT 1 AS x'), exec('CREATE TABLE IF NOT EXISTS a AS SELECT 2 AS x')] }, 'a')).to.deep.equal([{ x: 1 }]);
    expect((await rejection(run({ steps: [exec('DROP TABLE gone')] }))).message).to.match(/Not found: Table gone/);
  });

  it('loops while the condition holds, counting iterations per loop name', async () => {
    const { tables, iterations, statements } = await run({
      steps: [
        exec('CREATE TEMP TABLE c AS SELECT 0 AS i'),
        loop('grow', '(SELECT MAX(i) < 5 FROM c)', 10, [exec('INSERT INTO c (i) SELECT MAX(i) + 1 FROM c')]),
        assert('(SELECT COUNT(*) = 6 FROM c)', 'six rows'),
      ],
    });
    expect(iterations).to.deep.equal({ grow: 5 });
    expect(statements).to.equal(1 + 6 + 5 + 1);
    expect(tables.read(['c']).rows.map((r) => r.i)).to.have.members([0, 1, 2, 3, 4, 5]);
  });

  it('fails loudly at the iteration cap with the DuckDB driver\'s error, and ends a loop whose condition is NULL, as the DuckDB driver does', async () => {
    const endless = loop('spin', 'TRUE', 3, []);
    const capped = await rejection(run({ steps: [endless] }));
    expect(capped).to.be.instanceOf(IterationCapError);
    expect(capped.message).to.equal(capMessage(endless));
    const { iterations } = await run({ steps: [loop('never', 'FALSE', 1, []), loop('unknown', 'CAST(NULL AS BOOL)', 2, [])] });
    expect(iterations).to.deep.equal({ never: 0, unknown: 0 });
  });

  it('fails an assertion that is FALSE or NULL, with its message', async () => {
    for (const condition of ['(SELECT COUNT(*) = 3 FROM nums)', 'CAST(NULL AS BOOL)']) {
      const failed = await rejection(run({ steps: [assert(condition, 'not three')] }));
      expect(failed).to.be.instanceOf(ProgramAssertionError);
      expect(failed.message).to.equal('not three');
    }
  });

  it('keeps 64-bit values exact from one statement to the next', async () => {
    const { tables } = await run({
      steps: [
        exec("CREATE TEMP TABLE h AS SELECT FARM_FINGERPRINT('sluice') AS x, TIMESTAMP '2024-01-01 00:00:00.123456+00' AS ts"),
        exec("CREATE TEMP TABLE same AS SELECT x = FARM_FINGERPRINT('sluice') AS hash_ok, ts = TIMESTAMP '2024-01-01 00:00:00.123456+00' AS micros_ok, ABS(x) > 9007199254740992 AS big FROM h"),
      ],
    });
    expect(tables.read(['same']).rows).to.deep.equal([{ hash_ok: true, micros_ok: true, big: true }]);
    expect(() => tables.read(['h'])).to.throw(ZetaSqlError, /beyond JavaScript's safe integer range/);
  });

  it('reads tables named in one part, and says so when a query names one in several parts', async () => {
    const dataset = { path: ['raw', 't'], columns: schemaFields({ n: t.int64() }), rows: [{ n: 7 }] };
    const zeta = await getSharedZetaSql();
    const flat = await runProgramOnZetaSql(zeta, { steps: [exec('CREATE TEMP TABLE a AS SELECT n FROM `raw.t`')] }, [dataset]);
    expect(flat.tables.read(['a']).rows).to.deep.equal([{ n: 7 }]);
    const parts = await rejection(runProgramOnZetaSql(zeta, { steps: [exec('CREATE TEMP TABLE a AS SELECT n FROM `raw`.`t`')] }, [dataset]));
    expect(parts.message).to.include('does not support the API in evaluator.h').and.include('compile with one-part names (zetaSqlTableNames)');
  });

  it('refuses statements it does not model', async () => {
    const update = await rejection(run({ steps: [exec("UPDATE nums SET label = 'x' WHERE TRUE")] }));
    expect(update.message).to.match(/UpdateStmt statements are not supported/);
  });
});

describe('runModelsOnZetaSql', function () {
  this.timeout(60_000);
  const links = source('zp_links', { a: t.string(), b: t.string().nullable(), kind: t.string() });
  const graph = pipeline('zp_cc', (p) => {
    const edges = p.read(links).filter((l) => l.kind !== 'ignored').map((l) => ({ src: l.a, dst: l.b }));
    return { parts: p.write(connectedComponents(edges).map((c) => ({ node: c.node, component: c.component })), { name: 'zp_parts', materialize: 'table' }) };
  });
  const compiled = compile([graph], { root: process.cwd(), names: { bigquery: zetaSqlTableNames } });
  const sorted = (rows: readonly Record<string, unknown>[]) => rows.map((r) => `${r.node}→${r.component}`).sort();

  it('builds views and tables in order, each reading the ones before it', async () => {
    const sales = source('zp_sales', { shop: t.string(), amount: t.int64() });
    const shops = pipeline('zp_shops', (p) => {
      const big = p.write(p.read(sales).filter((s) => s.amount > 10), { name: 'zp_big' });
      return { doubled: p.write(p.read(big).map((s) => ({ shop: s.shop, twice: s.amount * 2 })), { name: 'zp_doubled', materialize: 'table' }) };
    });
    const project = compile([shops], { root: process.cwd(), names: { bigquery: zetaSqlTableNames } });
    expect(project.models.map((m) => m.materialize)).to.deep.equal(['view', 'table']);
    const rows = [{ shop: 'a', amount: 5 }, { shop: 'b', amount: 11 }, { shop: 'c', amount: 30 }];
    const out = await runModelsOnZetaSql(await getSharedZetaSql(), project, { sources: { zp_sales: rows } });
    expect(out.zp_big!.rows).to.have.deep.members(rows.slice(1));
    expect(out.zp_doubled!.rows).to.have.deep.members([{ shop: 'b', twice: 22 }, { shop: 'c', twice: 60 }]);
  });

  it('gives the components DuckDB gives, on a chain, a star, self-loops and NULL ends', async () => {
    const rows = [
      ...Array.from({ length: 40 }, (_, i) => ({ a: `c${i}`, b: `c${i + 1}`, kind: 'ok' })),
      ...Array.from({ length: 10 }, (_, i) => ({ a: 'hub', b: `s${i}`, kind: 'ok' })),
      { a: 'c40', b: 's3', kind: 'ignored' },
      { a: 'solo', b: 'solo', kind: 'ok' },
      { a: 'lone', b: null, kind: 'ok' },
    ];
    const zeta = await runModelsOnZetaSql(await getSharedZetaSql(), compiled, { sources: { zp_links: rows } });
    const duck = await runOnDuckDb(compiled, { zp_links: rows });
    expect(sorted(zeta.zp_parts!.rows)).to.deep.equal(sorted(duck.zp_parts!));
    expect(new Set(zeta.zp_parts!.rows.map((r) => r.component))).to.deep.equal(new Set(['c0', 'hub', 'solo', 'lone']));
    expect(zeta.zp_parts!.rows).to.have.length(41 + 11 + 2);
  });
});
