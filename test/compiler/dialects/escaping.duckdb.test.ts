import { expect } from 'chai';
import { ty } from '../../../src/compiler/ir/expr.js';
import type { Rel } from '../../../src/compiler/ir/rel.js';
import { bigquery } from '../../../src/compiler/dialects/bigquery/index.js';
import { duckdb } from '../../../src/compiler/dialects/duckdb/index.js';
import { duck, flatNames, lit, origin, ScratchDb } from './helpers.js';

const TRICKY = [
  "it's",
  'say "hi"',
  'back`tick',
  'back\\slash\\',
  'new\nline\r\n',
  'tab\there',
  'ünïcödé 😀 𝔘',
  '\u0001\u001f\u007f\u2028',
  "''",
  '--not a comment',
  '/* nor this */',
  'a;b',
  '',
];

describe('identifier and literal escaping', () => {
  let db: ScratchDb;
  before(async () => {
    db = await ScratchDb.open();
  });

  it('round-trips names and values through DuckDB exactly', async () => {
    const names = TRICKY.filter((s) => s !== '').map((s, i) => `${s}_${i}`);
    const rel: Rel = {
      k: 'project',
      input: { k: 'scan', table: { kind: 'source', name: 'one row' }, schema: [], origin: origin('p/read', 1) },
      columns: names.map((name, i) => ({ name, expr: lit(TRICKY[i]!, ty.string()) })),
      schema: names.map((name) => ({ name, type: ty.string() })),
      origin: origin('p/map', 2),
    };
    await db.run(`CREATE TABLE ${duckdb.ident('one row')} AS SELECT 1 AS x`);
    const sql = duck.query(rel, flatNames);
    await db.run(duckdb.create({ name: 'weird "table"\n', materialize: 'table', columns: [], clusterBy: [], labels: {} }, sql, flatNames));
    const rows = await db.rows(`SELECT * FROM ${duckdb.ident('weird "table"\n')}`);
    expect(rows).to.deep.equal([Object.fromEntries(names.map((n, i) => [n, TRICKY[i]]))]);
  });

  it('quotes keywords and case-sensitive names, leaves plain names bare', () => {
    expect(duckdb.ident('amount')).to.equal('amount');
    expect(duckdb.ident('select')).to.equal('"select"');
    expect(duckdb.ident('Amount')).to.equal('"Amount"');
    expect(bigquery.ident('amount')).to.equal('amount');
    expect(bigquery.ident('Select')).to.equal('`Select`');
    expect(bigquery.ident('a`b')).to.equal('`a\\`b`');
  });

  it('escapes BigQuery string literals with backslashes, keeping printable unicode', () => {
    expect(bigquery.stringLiteral("it's \\ \n 😀 \u0001")).to.equal("'it\\'s \\\\ \\n 😀 \\u0001'");
  });

  it('keeps DuckDB reserved-word list in step with the engine', async () => {
    const rows = await db.rows("SELECT keyword_name AS k FROM duckdb_keywords() WHERE keyword_category IN ('reserved', 'type_function')");
    const unquoted = rows.map((r) => r['k'] as string).filter((k) => duckdb.ident(k) === k);
    expect(unquoted).to.deep.equal([]);
  });
});
