import { expect } from 'chai';
import type { DuckDBConnection } from '@duckdb/node-api';
import { assert, exec, loop, type Program } from '../../src/compiler/ir/program.js';
import { ProgramAssertionError, runOnDuckDB } from '../../src/runners/duckdb/program.js';
import { bigqueryScript } from '../../src/compiler/dialects/bigquery/script.js';
import { bigqueryQuoting } from '../../src/compiler/programs/quoting.js';
import { openDuckDB } from './helpers.js';

describe('SQL programs (loops and assertions)', () => {
  let con: DuckDBConnection;
  let close: () => void;
  before(async () => ({ con, close } = await openDuckDB()));
  after(() => close());

  const countdown = (from: number, cap: number): Program => ({
    steps: [
      exec(`CREATE OR REPLACE TABLE n AS SELECT ${from} AS v`),
      loop('down', '(SELECT v FROM n) > 0', cap, [exec('CREATE OR REPLACE TABLE n AS SELECT v - 1 AS v FROM n')]),
      assert('(SELECT v FROM n) = 0', 'countdown must end at zero'),
    ],
  });

  it('runs a loop exactly as many times as its condition holds', async () => {
    const run = await runOnDuckDB(con, countdown(5, 5));
    expect(run.iterations).to.deep.equal({ down: 5 });
    expect(run.statements).to.equal(1 + 6 + 5 + 1);
  });

  it('raises a failed assertion with its message', async () => {
    const program: Program = { steps: [assert('1 = 2', "one isn't two")] };
    try {
      await runOnDuckDB(con, program);
      expect.fail('expected a ProgramAssertionError');
    } catch (e) {
      expect(e).to.be.instanceOf(ProgramAssertionError);
      expect((e as Error).message).to.equal("one isn't two");
    }
  });

  it('renders the same program as a BigQuery script', () => {
    expect(bigqueryScript(countdown(5, 9), bigqueryQuoting)).to.equal(
      [
        'DECLARE down_iteration INT64 DEFAULT 0;',
        'CREATE OR REPLACE TABLE n AS SELECT 5 AS v;',
        'SET down_iteration = 0;',
        'LOOP',
        '  IF NOT COALESCE(((SELECT v FROM n) > 0), FALSE) THEN',
        '    BREAK;',
        '  END IF;',
        '  IF down_iteration >= 9 THEN',
        "    RAISE USING MESSAGE = 'loop down did not converge within 9 iterations';",
        '  END IF;',
        '  SET down_iteration = down_iteration + 1;',
        '  CREATE OR REPLACE TABLE n AS SELECT v - 1 AS v FROM n;',
        'END LOOP;',
        "ASSERT ((SELECT v FROM n) = 0) AS 'countdown must end at zero';",
        '',
      ].join('\n'),
    );
  });
});
