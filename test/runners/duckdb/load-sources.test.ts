import { expect } from 'chai';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { loadSources } from '../../../src/runners/duckdb/load-sources.js';
import { SluiceError } from '../../../src/sdk/errors.js';
import type { CompiledSource } from '../../../src/compiler/artifact/types.js';
import { dirWith, field, sourceOf, T } from './fixtures.js';

const orders = sourceOf('orders', [
  field('id', T('INT64')),
  field('email', T('STRING', true)),
  field('amount', T('NUMERIC')),
  field('paid', T('BOOL', true)),
  field('day', T('DATE', true)),
  field('at', T('TIMESTAMP', true)),
]);

describe('DuckDB source loading', () => {
  let instance: DuckDBInstance;
  let conn: DuckDBConnection;
  beforeEach(async () => {
    instance = await DuckDBInstance.create(':memory:');
    conn = await instance.connect();
  });
  afterEach(() => {
    conn.closeSync();
    instance.closeSync();
  });

  async function rows(sql: string) {
    return (await conn.runAndReadAll(sql)).getRowObjectsJson();
  }

  async function loadError(sources: CompiledSource[], dir: string): Promise<SluiceError> {
    try {
      await loadSources(conn, sources, dir);
    } catch (e) {
      expect(e).to.be.instanceOf(SluiceError);
      return e as SluiceError;
    }
    throw new Error('expected loading to fail');
  }

  it('loads a CSV with declared types, in file order, columns in any order', async () => {
    const dir = await dirWith({
      'orders.csv': 'email,id,amount,paid,day,at,note\n"a,b@x.com",1,12.5,true,2024-01-31,2024-01-31T10:00:00+0200,x\n,2,0,,,,y\n"",3,1,false,2024-02-01,2024-02-01 00:00:00,z\n',
    });
    const loaded = await loadSources(conn, [orders], dir);
    expect(loaded[0]).to.include({ name: 'orders', rows: 3 });
    expect(loaded[0]!.ignoredColumns).to.deep.equal(['note']);
    expect(await rows('SELECT id, email, CAST(amount AS VARCHAR) a, paid, CAST(day AS VARCHAR) d, CAST("at" AS VARCHAR) t FROM src.orders')).to.deep.equal([
      { id: '1', email: 'a,b@x.com', a: '12.500000000', paid: true, d: '2024-01-31', t: '2024-01-31 08:00:00' },
      { id: '2', email: null, a: '0.000000000', paid: null, d: null, t: null },
      { id: '3', email: '', a: '1.000000000', paid: false, d: '2024-02-01', t: '2024-02-01 00:00:00' },
    ]);
    const types = await rows("SELECT column_name c, data_type t, is_nullable n FROM information_schema.columns WHERE table_schema = 'src' ORDER BY ordinal_position");
    expect(types.map((t) => `${t.c} ${t.t} ${t.n}`)).to.deep.equal([
      'id BIGINT NO', 'email VARCHAR YES', 'amount DECIMAL(38,9) NO', 'paid BOOLEAN YES', 'day DATE YES', 'at TIMESTAMP YES',
    ]);
  });

  it('loads NDJSON with nested values and treats absent keys as NULL', async () => {
    const src = sourceOf('events', [
      field('id', T('STRING')),
      field('tags', T('ARRAY', false, { element: T('STRING') })),
      field('geo', T('STRUCT', true, { fields: [field('lat', T('FLOAT64')), field('city', T('STRING', true))] })),
      field('payload', T('JSON', true)),
    ]);
    const dir = await dirWith({
      'events.jsonl': '{"id":"e1","tags":["a","b"],"geo":{"lat":52.1,"city":"Utrecht"},"payload":{"k":[1]}}\n\n{"id":"e2","tags":[]}\n',
    });
    await loadSources(conn, [src], dir);
    expect(await rows('SELECT id, tags, geo, CAST(payload AS VARCHAR) p FROM src.events')).to.deep.equal([
      { id: 'e1', tags: ['a', 'b'], geo: { lat: 52.1, city: 'Utrecht' }, p: '{"k":[1]}' },
      { id: 'e2', tags: [], geo: null, p: null },
    ]);
  });

  it('names the directory and the files looked for when a source has no file', async () => {
    const dir = await dirWith({ 'other.csv': 'a\n1\n' });
    const e = await loadError([orders], dir);
    expect(e.message).to.include(`no data file for source 'orders' in ${dir}`);
    expect(e.message).to.include('orders.csv, orders.parquet, orders.ndjson, orders.jsonl');
    expect(e.site).to.deep.include({ file: '/project/pipelines/p.ts' });
  });

  it('refuses two files for one source', async () => {
    const dir = await dirWith({ 'orders.csv': 'id\n1\n', 'orders.ndjson': '{"id":1}\n' });
    const e = await loadError([orders], dir);
    expect(e.message).to.include("several data files for source 'orders'");
    expect(e.message).to.include('orders.csv, orders.ndjson');
  });

  it('reports missing columns and lists what the file has', async () => {
    const dir = await dirWith({ 'orders.csv': 'id,emial,amount\n1,x,2\n' });
    const e = await loadError([orders], dir);
    expect(e.message).to.include("source 'orders' is missing columns 'email', 'paid', 'day', 'at'");
    expect(e.hint).to.equal('the file has: id, emial, amount; not declared: emial');
  });

  it('reports an unparsable CSV value with its line, column and value (quoted newlines counted)', async () => {
    const dir = await dirWith({
      'orders.csv': 'id,email,amount,paid,day,at\n1,"multi\nline",1,,,\n\n2,b,1.5x,,,\n3,c,1,,2024-02-30,\n',
    });
    const e = await loadError([orders], dir);
    expect(e.site).to.deep.equal({ file: `${dir}/orders.csv`, line: 5, column: 1 });
    expect(e.message).to.match(new RegExp(`^${dir}/orders\\.csv:5:1: source 'orders', column 'amount': '1\\.5x' is not a valid NUMERIC`));
    expect(e.message).to.include(`${dir}/orders.csv:6: column 'day': '2024-02-30' is not a valid DATE`);
  });

  it('refuses a fractional INT64 rather than rounding it', async () => {
    const dir = await dirWith({ 'orders.csv': 'id,email,amount,paid,day,at\n1.5,a,1,,,\n' });
    const e = await loadError([orders], dir);
    expect(e.message).to.include("column 'id': '1.5' is not a valid INT64");
  });

  it('reports a NULL in a NOT NULL column with its line', async () => {
    const dir = await dirWith({ 'orders.ndjson': '{"id":1,"email":null,"amount":1,"paid":null,"day":null,"at":null}\n{"id":null,"email":null,"amount":1,"paid":null,"day":null,"at":null}\n' });
    const e = await loadError([orders], dir);
    expect(e.site).to.deep.include({ line: 2 });
    expect(e.message).to.include("column 'id' is NULL but declared NOT NULL (INT64)");
    expect(e.hint).to.match(/declare the column \.nullable\(\)/);
  });

  it('refuses nested values that would lose elements or fields', async () => {
    const src = sourceOf('events', [field('tags', T('ARRAY', false, { element: T('INT64') })), field('s', T('STRUCT', true, { fields: [field('x', T('INT64'))] }))]);
    const dir = await dirWith({ 'events.ndjson': '{"tags":[1,2],"s":{"x":1}}\n{"tags":[1],"s":{"x":"q"}}\n{"tags":[1,"two"],"s":null}\n' });
    const e = await loadError([src], dir);
    expect(e.message).to.include(`events.ndjson:2:1: source 'events', column 's': '{"x":"q"}' is not a valid STRUCT<x INT64>`);
    expect(e.message).to.include(`events.ndjson:3: column 'tags': '[1,"two"]' is not a valid ARRAY<INT64>`);
  });

  it('refuses an object where a scalar is declared', async () => {
    const src = sourceOf('events', [field('name', T('STRING'))]);
    const dir = await dirWith({ 'events.ndjson': '{"name":{"first":"a"}}\n' });
    const e = await loadError([src], dir);
    expect(e.message).to.include(`column 'name': '{"first":"a"}' is not a valid STRING`);
  });

  it('reports a CSV row with the wrong number of fields at its line', async () => {
    const dir = await dirWith({ 'orders.csv': 'id,email,amount,paid,day,at\n1,a,1,,,\n2,b\n' });
    const e = await loadError([orders], dir);
    expect(e.site).to.deep.include({ file: `${dir}/orders.csv`, line: 3 });
    expect(e.message).to.include('2,b');
  });

  it('reports an NDJSON line that is not an object', async () => {
    const dir = await dirWith({ 'orders.ndjson': '{"id":1}\n\n[1,2]\n' });
    const e = await loadError([orders], dir);
    expect(e.site).to.deep.include({ line: 3 });
    expect(e.message).to.include('expected a JSON object per line, got [1,2]');
  });

  it('loads Parquet files', async () => {
    const dir = await dirWith({});
    await conn.run(`COPY (SELECT 1::BIGINT AS id, 'x' AS email, 2.5 AS amount, true AS paid, DATE '2024-01-01' AS day, TIMESTAMP '2024-01-01 12:00:00' AS at) TO '${dir}/orders.parquet' (FORMAT parquet)`);
    await loadSources(conn, [orders], dir);
    expect(await rows('SELECT id, email, CAST("at" AS VARCHAR) t FROM src.orders')).to.deep.equal([{ id: '1', email: 'x', t: '2024-01-01 12:00:00' }]);
  });
});
