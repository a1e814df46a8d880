import { expect } from 'chai';
import { schemaFields, t } from '../../src/sdk/schema.js';
import { columnDifferences } from '../../src/validate/check/columns.js';
import { pointAt } from '../../src/validate/check/sql-position.js';
import { isScript } from '../../src/validate/check/statements.js';

describe('validate checks', () => {
  it('compares columns by name, order and type kind, recursing into ARRAY and STRUCT, ignoring nullability', () => {
    const sdk = schemaFields({
      id: t.string(),
      tags: t.array(t.struct({ k: t.string(), v: t.int64().nullable() })),
      amount: t.float64(),
    });
    const same = schemaFields({
      id: t.string().nullable(),
      tags: t.array(t.struct({ k: t.string().nullable(), v: t.int64() })).nullable(),
      amount: t.float64().nullable(),
    });
    expect(columnDifferences(sdk, same)).to.deep.equal([]);
    const nested = schemaFields({ id: t.string(), tags: t.array(t.struct({ k: t.string(), v: t.float64() })), amount: t.float64() });
    expect(columnDifferences(sdk, nested)).to.deep.equal([
      'column tags: the SDK infers ARRAY<STRUCT<k STRING, v INT64>>, the SQL produces ARRAY<STRUCT<k STRING, v FLOAT64>>',
    ]);
    const renamedField = schemaFields({ id: t.string(), tags: t.array(t.struct({ key: t.string(), v: t.int64() })), amount: t.float64() });
    expect(columnDifferences(sdk, renamedField)).to.have.length(1);
    const reordered = schemaFields({ amount: t.float64(), id: t.string(), tags: sdk[1]!.type as never });
    expect(columnDifferences(sdk, [reordered[0]!, reordered[1]!, sdk[1]!])).to.deep.equal([
      'column order differs: the SDK infers (id, tags, amount), the SQL produces (amount, id, tags)',
    ]);
    expect(columnDifferences(sdk, [sdk[0]!, sdk[1]!, { name: 'extra', type: { kind: 'BOOL', nullable: true } }])).to.deep.equal([
      'column amount (FLOAT64) is missing from the SQL output',
      'the SQL outputs column extra (BOOL), which the SDK does not infer',
    ]);
  });

  it('points at a SQL line with a caret and finds the step comment above it', () => {
    const sql = ['CREATE VIEW v AS', '-- orders/clean (pipelines/orders.ts:12:5)', 'WITH clean AS (', '  SELECT nope', ')', '-- orders/map (2) (pipelines/orders.ts:20:7)', 'SELECT 1'].join('\n');
    expect(pointAt(sql, 4, 10)).to.deep.equal({
      sqlLine: '  SELECT nope',
      caret: '         ^',
      step: { name: 'orders/clean', site: 'pipelines/orders.ts:12:5' },
    });
    expect(pointAt(sql, 7, 1)!.step).to.deep.equal({ name: 'orders/map (2)', site: 'pipelines/orders.ts:20:7' });
    expect(pointAt(sql, 1, 3)).to.deep.equal({ sqlLine: 'CREATE VIEW v AS', caret: '  ^' });
    expect(pointAt(sql, 99, 1)).to.equal(undefined);
  });

  it('recognizes scripts by DECLARE / BEGIN at the start or a LOOP, ignoring comments', () => {
    expect(isScript('-- step (a.ts:1:1)\nDECLARE x INT64;\nSELECT 1')).to.equal(true);
    expect(isScript('BEGIN\n  SELECT 1;\nEND')).to.equal(true);
    expect(isScript('CREATE TEMP TABLE t AS SELECT 1;\nLOOP\n  BREAK;\nEND LOOP;')).to.equal(true);
    expect(isScript('CREATE OR REPLACE VIEW v AS\n-- loop (a.ts:1:1)\nSELECT 1 AS loops')).to.equal(false);
  });
});
