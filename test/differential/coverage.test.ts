/**
 * Every construct of the translator's table must be used by a differential fixture, so a
 * construct added to the translator is differentially tested from the day it lands.
 */
import { expect } from 'chai';
import path from 'node:path';
import { TABLE } from '../../src/compiler/translate/table.js';
import { coveredKeys, entryKey } from './support/coverage.js';
import { repo } from './support/engines.js';

const fixtures = ['expressions.ts', 'transforms.ts', 'helpers.ts'].map((f) => path.join(repo, 'test/differential/fixtures', f));

describe('differential: coverage of the translator table', function () {
  this.timeout(60_000);

  it('uses every construct of src/compiler/translate/table.ts in a differential fixture', () => {
    const covered = coveredKeys(fixtures);
    const missing = TABLE.filter((e) => !covered.has(entryKey(e))).map((e) => `${entryKey(e)} (${e.construct}, e.g. ${e.example})`);
    expect(missing, `constructs without a differential fixture:\n  ${missing.join('\n  ')}`).to.deep.equal([]);
  });

  it('finds constructs by reading the fixtures (a file without them covers nothing)', () => {
    const covered = coveredKeys([path.join(repo, 'test/differential/fixtures/schema.ts')]);
    expect(covered.has('method:string.trim')).to.equal(false);
    expect(covered.has('form:flatmap-map')).to.equal(false);
    expect(coveredKeys(fixtures).has('method:string.trim')).to.equal(true);
  });
});
