/**
 * Every construct of the translator's table (src/compiler/translate/table.ts), used by at
 * least one lambda over tricky rows, compiled to DuckDB SQL and run on DuckDB and on the
 * DirectRunner: both must give the hand-written (JavaScript) values.
 */
import { expect } from 'chai';
import { TABLE } from '../../src/compiler/translate/table.js';
import { valueRows } from '../fixtures/e2e/expression-rows.js';
import { expressionCases, expressions } from '../fixtures/e2e/expressions.js';
import { expectRows, runEngines, type EngineResults } from './support/engines.js';

/** How cases name a table entry. */
const entryId = (e: (typeof TABLE)[number]) => `${e.section}: ${e.construct}`;

describe('e2e: expressions on DuckDB and the DirectRunner', function () {
  let results: EngineResults;
  before(async () => {
    results = await runEngines([expressions], { e2e_values: valueRows });
  });

  it('covers every entry of the translator table with at least one case', () => {
    const ids = new Set(TABLE.map(entryId));
    const casesByEntry = new Map<string, string[]>([...ids].map((id) => [id, []]));
    for (const c of expressionCases) {
      for (const use of c.uses) {
        expect(ids.has(use), `case '${c.name}' names '${use}', which is not a table entry`).to.equal(true);
        casesByEntry.get(use)!.push(c.name);
      }
    }
    const uncovered = [...casesByEntry].filter(([, names]) => names.length === 0).map(([id]) => id);
    expect(uncovered, 'table entries without an e2e case').to.deep.equal([]);
  });

  for (const c of expressionCases) {
    it(c.name, () => expectRows(results, c.model, c.expected));
  }
});
