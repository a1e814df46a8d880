import { expect } from 'chai';
import { schemaFields, t } from '../../../src/sdk/schema.js';
import { ZetaSqlError, ZetaSqlQueryError } from '../../../src/validate/zetasql/errors.js';
import { evaluate, type TableData } from '../../../src/validate/zetasql/evaluate.js';
import { getSharedZetaSql } from '../../../src/validate/zetasql/shared.js';

const everyType = schemaFields({
  s: t.string().nullable(),
  i: t.int64().nullable(),
  f: t.float64().nullable(),
  n: t.numeric().nullable(),
  b: t.bool().nullable(),
  d: t.date().nullable(),
  ts: t.timestamp().nullable(),
  j: t.json().nullable(),
  a: t.array(t.int64()).nullable(),
  st: t.struct({ x: t.string(), y: t.array(t.struct({ z: t.float64().nullable() })) }).nullable(),
});

const rows = [
  {
    s: 'héllo 😀 𝄞 日本',
    i: 9007199254740991,
    f: NaN,
    n: 12345.123456789,
    b: true,
    d: '0001-01-01',
    ts: new Date('1970-01-01T00:00:00.000Z'),
    j: { k: [1, 'two', null] },
    a: [1, -2, 3],
    st: { x: 'in', y: [{ z: -0.5 }, { z: null }] },
  },
  {
    s: '',
    i: -9007199254740991,
    f: Infinity,
    n: -0.000000001,
    b: false,
    d: '9999-12-31',
    ts: new Date('1900-01-01T00:00:00.001Z'),
    j: 'just a string',
    a: [],
    st: { x: '', y: [] },
  },
  { s: 'x', i: 0, f: -Infinity, n: 99999999999999.5, b: null, d: '2024-02-29', ts: new Date('9999-12-31T23:59:59.999Z'), j: null, a: null, st: null },
  { s: null, i: null, f: null, n: null, b: null, d: null, ts: null, j: null, a: null, st: null },
];
const table: TableData = { path: ['proj', 'raw', 'things'], columns: everyType, rows };

describe('zetasql evaluate', () => {
  it('round-trips every type, NULLs, NaN, ±Infinity, unicode and edge timestamps', async () => {
    const zeta = await getSharedZetaSql();
    const result = await evaluate(zeta, 'SELECT * FROM `proj.raw.things`', [table]);
    expect(result.columns.map((c) => c.name)).to.deep.equal(Object.keys(rows[0]!));
    expect(result.rows).to.have.length(4);
    expect(result.rows[0]!['f']).to.be.NaN;
    // Render NaN as text so a NaN that came back as something else fails the deep comparison.
    const withoutF = (r: Record<string, unknown>) => ({ ...r, f: Number.isNaN(r['f']) ? 'NaN' : r['f'] });
    expect(result.rows.map(withoutF)).to.deep.equal(rows.map(withoutF));
  });

  it('computes with the data: functions, casts, JSON, arrays and structs', async () => {
    const zeta = await getSharedZetaSql();
    const result = await evaluate(
      zeta,
      `SELECT
         CHAR_LENGTH(s) AS len, UPPER(s) AS up, DIV(i, 2) AS half, n * 2 AS n2, EXTRACT(YEAR FROM d) AS year,
         UNIX_MILLIS(ts) AS ms, ARRAY_LENGTH(a) AS alen, st.y[SAFE_OFFSET(0)].z AS z,
         JSON_VALUE(j, '$.k[1]') AS jv, CAST(f AS STRING) AS fs, IS_NAN(f) AS nan
       FROM \`proj.raw.things\` WHERE s IS NOT NULL ORDER BY len DESC`,
      [table],
    );
    expect(result.rows).to.deep.equal([
      {
        len: 12, up: 'HÉLLO 😀 𝄞 日本', half: 4503599627370495, n2: 24690.246913578, year: 1,
        ms: 0, alen: 3, z: -0.5, jv: 'two', fs: 'nan', nan: true,
      },
      {
        len: 1, up: 'X', half: 0, n2: 199999999999999, year: 2024,
        ms: 253402300799999, alen: null, z: null, jv: null, fs: '-inf', nan: false,
      },
      {
        len: 0, up: '', half: -4503599627370495, n2: -0.000000002, year: 9999,
        ms: -2208988799999, alen: 0, z: null, jv: null, fs: 'inf', nan: false,
      },
    ]);
  });

  it('rejects rows that do not match their columns before sending them', async () => {
    const zeta = await getSharedZetaSql();
    const columns = schemaFields({ id: t.int64(), tags: t.array(t.string()), at: t.timestamp().nullable() });
    const run = (row: Record<string, unknown>) =>
      evaluate(zeta, 'SELECT * FROM `t`', [{ path: 't', columns, rows: [row] }]);
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ id: 1, tags: [] }, /t row 0 lacks column at/],
      [{ id: 1, tags: [], at: null, idd: 2 }, /t row 0 has keys that are not columns: idd/],
      [{ id: 1.5, tags: [], at: null }, /t row 0 column id expected a safe integer for INT64, got 1.5/],
      [{ id: null, tags: [], at: null }, /t row 0 column id is NULL but the type is not nullable/],
      [{ id: 1, tags: ['a', null], at: null }, /t row 0 column tags\[1\] is NULL; BigQuery arrays cannot hold NULL/],
      [{ id: 1, tags: [], at: '2024-01-01' }, /t row 0 column at expected a Date for TIMESTAMP, got "2024-01-01"/],
      [{ id: 1, tags: [], at: new Date('nope') }, /outside TIMESTAMP's range/],
    ];
    for (const [row, message] of cases) {
      const error = await run(row).then(() => undefined, (e: unknown) => e);
      expect(error, JSON.stringify(row)).to.be.instanceOf(ZetaSqlError);
      expect((error as Error).message).to.match(message);
    }
    expect(zeta.alive).to.equal(true);
  });

  it('throws on INT64 results beyond the safe integer range instead of rounding', async () => {
    const zeta = await getSharedZetaSql();
    const error = await evaluate(zeta, 'SELECT 9007199254740993 AS big', []).then(() => undefined, (e: unknown) => e);
    expect((error as Error).message).to.equal(
      "result row 0 column big INT64 9007199254740993 is beyond JavaScript's safe integer range (±2^53); keep such ids as STRING",
    );
  });

  it('reports analysis and runtime errors of the query', async () => {
    const zeta = await getSharedZetaSql();
    const analysis = await evaluate(zeta, 'SELECT\n  nope FROM `proj.raw.things`', [table]).catch((e: unknown) => e);
    expect(analysis).to.be.instanceOf(ZetaSqlQueryError);
    expect(analysis).to.deep.include({ kind: 'analysis', problem: 'Unrecognized name: nope', line: 2, column: 3 });
    const runtime = await evaluate(zeta, 'SELECT 1 / 0 AS x', []).catch((e: unknown) => e);
    expect(runtime).to.deep.include({ kind: 'runtime', problem: 'division by zero: 1 / 0' });
    const raised = await evaluate(zeta, "SELECT ERROR('boom') AS x", []).catch((e: unknown) => e);
    expect(raised).to.deep.include({ kind: 'runtime', problem: 'boom' });
  });

  it('refuses results Sluice cannot represent as objects or types', async () => {
    const zeta = await getSharedZetaSql();
    const duplicate = await evaluate(zeta, 'SELECT 1 AS x, 2 AS x', []).catch((e: unknown) => e);
    expect((duplicate as Error).message).to.match(/two columns named x/);
    const datetime = await evaluate(zeta, "SELECT DATETIME '2024-01-01 10:00:00' AS dt", []).catch((e: unknown) => e);
    expect((datetime as Error).message).to.equal(
      'result column dt has type DATETIME, which Sluice does not model; CAST it in the query',
    );
  });

  it('groups, sums NUMERIC exactly and truncates microseconds to milliseconds', async () => {
    const zeta = await getSharedZetaSql();
    const orders: TableData = {
      path: 'proj.raw.orders',
      columns: schemaFields({ customer: t.string(), amount: t.numeric() }),
      rows: [
        { customer: 'b', amount: 1.25 },
        { customer: 'a', amount: 2 },
        { customer: 'b', amount: 0.1 },
      ],
    };
    const result = await evaluate(
      zeta,
      "SELECT customer, SUM(amount) AS total, COUNT(*) AS n, TIMESTAMP '2024-01-01 00:00:00.123999+00' AS ts " +
        'FROM `proj.raw.orders` GROUP BY customer ORDER BY customer',
      [orders],
    );
    const at = new Date('2024-01-01T00:00:00.123Z');
    expect(result.rows).to.deep.equal([
      { customer: 'a', total: 2, n: 1, ts: at },
      { customer: 'b', total: 1.35, n: 2, ts: at },
    ]);
    expect(result.columns.map((c) => c.type.kind)).to.deep.equal(['STRING', 'NUMERIC', 'INT64', 'TIMESTAMP']);
  });

  it('joins tables given by path or dotted name, and refuses a table given twice', async () => {
    const zeta = await getSharedZetaSql();
    const people: TableData = {
      path: ['proj', 'crm', 'people'],
      columns: schemaFields({ id: t.string(), name: t.string() }),
      rows: [{ id: 'a', name: 'Ann' }, { id: 'b', name: 'Bo' }],
    };
    const visits: TableData = {
      path: 'proj.web.visits',
      columns: schemaFields({ person: t.string(), pages: t.int64() }),
      rows: [{ person: 'b', pages: 3 }, { person: 'c', pages: 1 }],
    };
    const result = await evaluate(
      zeta,
      'SELECT p.name, v.pages FROM `proj.crm.people` p LEFT JOIN `proj.web.visits` v ON v.person = p.id ORDER BY p.name',
      [people, visits],
    );
    expect(result.rows).to.deep.equal([{ name: 'Ann', pages: null }, { name: 'Bo', pages: 3 }]);
    const twice = await evaluate(zeta, 'SELECT 1 AS x', [people, { ...people, path: 'PROJ.crm.people' }]).catch((e: unknown) => e);
    expect((twice as Error).message).to.equal('table PROJ.crm.people is given twice');
  });
});
