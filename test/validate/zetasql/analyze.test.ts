import { expect } from 'chai';
import { t, schemaFields } from '../../../src/sdk/schema.js';
import { analyze } from '../../../src/validate/zetasql/analyze.js';
import { Catalog } from '../../../src/validate/zetasql/catalog.js';
import { getSharedZetaSql } from '../../../src/validate/zetasql/shared.js';

const customers = {
  path: ['proj', 'crm', 'customers'],
  columns: schemaFields({
    id: t.string(),
    email: t.string().nullable(),
    age: t.int64().nullable(),
    score: t.float64(),
    balance: t.numeric(),
    active: t.bool(),
    born: t.date().nullable(),
    created: t.timestamp(),
    extra: t.json().nullable(),
    tags: t.array(t.string()),
    address: t.struct({ city: t.string(), zip: t.int64().nullable(), geo: t.struct({ lat: t.float64() }) }),
  }),
};
const catalog = Catalog.of([customers]);

describe('zetasql analyze', () => {
  it('resolves output columns of a query back to Sluice types', async () => {
    const zeta = await getSharedZetaSql();
    const result = await analyze(
      zeta,
      'SELECT id, age * 2 AS age2, score / 2 AS half, balance, born, created, extra, tags, address, ' +
        'LOWER(email) AS e, ARRAY_AGG(STRUCT(id, active)) OVER () AS agg FROM `proj.crm.customers`',
      catalog,
    );
    expect(result).to.deep.equal({
      ok: true,
      kind: 'QueryStmt',
      columns: [
        { name: 'id', type: { kind: 'STRING', nullable: true } },
        { name: 'age2', type: { kind: 'INT64', nullable: true } },
        { name: 'half', type: { kind: 'FLOAT64', nullable: true } },
        { name: 'balance', type: { kind: 'NUMERIC', nullable: true } },
        { name: 'born', type: { kind: 'DATE', nullable: true } },
        { name: 'created', type: { kind: 'TIMESTAMP', nullable: true } },
        { name: 'extra', type: { kind: 'JSON', nullable: true } },
        { name: 'tags', type: { kind: 'ARRAY', nullable: true, element: { kind: 'STRING', nullable: false } } },
        {
          name: 'address',
          type: {
            kind: 'STRUCT',
            nullable: true,
            fields: [
              { name: 'city', type: { kind: 'STRING', nullable: true } },
              { name: 'zip', type: { kind: 'INT64', nullable: true } },
              {
                name: 'geo',
                type: { kind: 'STRUCT', nullable: true, fields: [{ name: 'lat', type: { kind: 'FLOAT64', nullable: true } }] },
              },
            ],
          },
        },
        { name: 'e', type: { kind: 'STRING', nullable: true } },
        {
          name: 'agg',
          type: {
            kind: 'ARRAY',
            nullable: true,
            element: {
              kind: 'STRUCT',
              nullable: false,
              fields: [
                { name: 'id', type: { kind: 'STRING', nullable: true } },
                { name: 'active', type: { kind: 'BOOL', nullable: true } },
              ],
            },
          },
        },
      ],
    });
  });

  it('resolves every spelling of a table path', async () => {
    const zeta = await getSharedZetaSql();
    for (const name of ['`proj.crm.customers`', 'proj.crm.customers', '`proj`.crm.customers', '`proj.crm`.customers', 'proj.`crm.customers`']) {
      const result = await analyze(zeta, `SELECT COUNT(*) AS n FROM ${name}`, catalog);
      expect(result, name).to.deep.include({ ok: true });
    }
  });

  it('reports an unknown column with its message and position', async () => {
    const zeta = await getSharedZetaSql();
    const result = await analyze(zeta, 'SELECT id,\n  emial FROM `proj.crm.customers`', catalog);
    expect(result).to.deep.equal({
      ok: false,
      message: 'Unrecognized name: emial; Did you mean email?',
      line: 2,
      column: 3,
    });
  });

  it('reports unknown tables, bad function signatures and syntax errors', async () => {
    const zeta = await getSharedZetaSql();
    const unknownTable = await analyze(zeta, 'SELECT 1 FROM `proj.crm.nope`', catalog);
    expect(unknownTable).to.deep.include({ ok: false, line: 1, column: 15 });
    expect(unknownTable.ok || unknownTable.message).to.match(/Table not found/);
    const badCall = await analyze(zeta, 'SELECT TIMESTAMP_TRUNC(age, DAY) FROM `proj.crm.customers`', catalog);
    expect(badCall.ok || badCall.message).to.match(/No matching signature for function TIMESTAMP_TRUNC/);
    const syntax = await analyze(zeta, 'SELECT FROM x', catalog);
    expect(syntax).to.deep.include({ ok: false, line: 1, column: 8 });
  });

  it('accepts BigQuery DDL with PARTITION BY, CLUSTER BY and OPTIONS', async () => {
    const zeta = await getSharedZetaSql();
    const table = await analyze(
      zeta,
      'CREATE OR REPLACE TABLE `proj.marts.customers_v1` PARTITION BY DATE(created) CLUSTER BY id, email ' +
        "OPTIONS(description = 'customers', labels = [('team', 'crm')]) AS " +
        'SELECT id, email, created FROM `proj.crm.customers` WHERE TRUE QUALIFY ROW_NUMBER() OVER (PARTITION BY id ORDER BY created DESC) = 1',
      catalog,
    );
    expect(table).to.deep.include({ ok: true, kind: 'CreateTableAsSelectStmt' });
    expect(table.ok && table.columns.map((c) => `${c.name}:${c.type.kind}`)).to.deep.equal([
      'id:STRING',
      'email:STRING',
      'created:TIMESTAMP',
    ]);
    const view = await analyze(
      zeta,
      "CREATE OR REPLACE VIEW `proj.marts.customers` OPTIONS(description = 'v') AS SELECT * EXCEPT (extra) FROM `proj.crm.customers`",
      catalog,
    );
    expect(view).to.deep.include({ ok: true, kind: 'CreateViewStmt' });
    expect(view.ok && view.columns).to.have.length(10);
    const described = await analyze(
      zeta,
      "CREATE OR REPLACE VIEW `proj.marts.ids` (id OPTIONS (description = 'key'), email) AS SELECT id, email FROM `proj.crm.customers`",
      catalog,
    );
    expect(described).to.deep.include({ ok: true, kind: 'CreateViewStmt' });
    const badPartition = await analyze(
      zeta,
      'CREATE TABLE `proj.marts.x` PARTITION BY nope AS SELECT id FROM `proj.crm.customers`',
      catalog,
    );
    expect(badPartition).to.deep.include({ ok: false, line: 1, column: 42 });
  });

  it('accepts MERGE with every WHEN clause and reports no output columns', async () => {
    const zeta = await getSharedZetaSql();
    const result = await analyze(
      zeta,
      'MERGE `proj.crm.customers` T USING (SELECT * FROM `proj.crm.customers`) S ON T.id = S.id ' +
        'WHEN MATCHED AND S.active THEN UPDATE SET email = S.email ' +
        'WHEN NOT MATCHED THEN INSERT ROW ' +
        'WHEN NOT MATCHED BY SOURCE THEN DELETE',
      catalog,
    );
    expect(result).to.deep.equal({ ok: true, kind: 'MergeStmt', columns: [] });
  });

  it('fails on output columns whose type Sluice does not model', async () => {
    const zeta = await getSharedZetaSql();
    const result = await analyze(zeta, 'SELECT CURRENT_DATETIME() AS now', catalog);
    expect(result).to.deep.equal({ ok: false, message: 'Output column now has type DATETIME, which Sluice does not model' });
  });

  it('analyzes deeply nested expressions (resolved trees deeper than protobufjs allows by default)', async () => {
    const zeta = await getSharedZetaSql();
    let expression = 'email';
    for (let i = 0; i < 60; i++) expression = `COALESCE(UPPER(${expression}), 'x')`;
    const result = await analyze(zeta, `SELECT ${expression} AS deep FROM \`proj.crm.customers\``, catalog);
    expect(result).to.deep.include({ ok: true, kind: 'QueryStmt' });
  });

  it('sees tables added to a catalog after it was first used', async () => {
    const zeta = await getSharedZetaSql();
    const growing = Catalog.of([customers]);
    expect(await analyze(zeta, 'SELECT x FROM `proj.crm.later`', growing)).to.deep.include({ ok: false });
    growing.addTable({ path: ['proj', 'crm', 'later'], columns: schemaFields({ x: t.int64() }) });
    expect(await analyze(zeta, 'SELECT x FROM `proj.crm.later`', growing)).to.deep.include({ ok: true });
  });
});
