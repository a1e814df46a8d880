/** Differential property test of every transform kind over random rows. */
import { compileFixture, type Fixture } from './support/engines.js';
import { assertEnginesAgree } from './support/property.js';
import { columnGenerators } from './fixtures/generators.js';
import { transforms } from './fixtures/transforms.js';

describe('differential: transforms', function () {
  this.timeout(300_000);
  let fixture: Fixture;

  before(() => {
    fixture = compileFixture('transforms', [transforms]);
  });

  it('every transform model: DirectRunner, DuckDB and ZetaSQL agree on random rows', async () => {
    await assertEnginesAgree(fixture, {
      generators: columnGenerators,
      // arrayAgg without `order`: element order is unspecified (SQL sorts distinct values,
      // the DirectRunner keeps input order, and input order itself carries no meaning).
      unordered: { t_group: ['amount_set'] },
    });
  });
});
