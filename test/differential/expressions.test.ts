/**
 * Differential property test of every expression construct: the fixture's lambdas run in
 * JavaScript (DirectRunner), as DuckDB SQL and as BigQuery SQL (ZetaSQL's evaluator).
 */
import { compileFixture, type Fixture } from './support/engines.js';
import { assertEnginesAgree } from './support/property.js';
import { expressions } from './fixtures/expressions.js';
import { columnGenerators } from './fixtures/generators.js';

describe('differential: expressions', function () {
  this.timeout(300_000);
  let fixture: Fixture;

  before(() => {
    fixture = compileFixture('expressions', [expressions]);
  });

  for (const model of ['x_literals', 'x_bindings', 'x_arith', 'x_compare', 'x_logic', 'x_math', 'x_convert', 'x_strings', 'x_positions', 'x_regex', 'x_arrays', 'x_time', 'x_body']) {
    it(`${model}: DirectRunner, DuckDB and ZetaSQL agree on random rows`, async () => {
      await assertEnginesAgree(fixture, { generators: columnGenerators, only: [model] });
    });
  }
});
