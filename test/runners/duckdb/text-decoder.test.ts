import { expect } from 'chai';
import { DuckDBInstance } from '@duckdb/node-api';
import '../../../src/runners/duckdb/text-decoder.js';

describe('DuckDB string reads', () => {
  it('keep a leading U+FEFF (the library drops it by default)', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    try {
      const result = await conn.runAndReadAll("SELECT chr(65279) || 'x' AS s, length(chr(65279) || 'x') AS n");
      const [row] = result.getRowObjectsJS() as { s: string; n: bigint }[];
      expect(row!.s).to.equal('\ufeffx');
      expect(Number(row!.n)).to.equal(2);
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  });
});
