import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { renderExpressionsDoc } from '../../../src/compiler/translate/docs.js';
import { TABLE } from '../../../src/compiler/translate/table.js';
import { entryName } from '../../../src/compiler/translate/context.js';
import { DIFFERENCES } from '../../../src/compiler/translate/differences.js';

describe('translator: docs/expressions.md', () => {
  it('is up to date with the table (run `npm run docs:expressions`)', () => {
    const onDisk = readFileSync(new URL('../../../docs/expressions.md', import.meta.url), 'utf8');
    expect(onDisk === renderExpressionsDoc(), 'docs/expressions.md is stale: run npm run docs:expressions').to.equal(true);
  });

  it('documents every table entry and every difference', () => {
    const doc = renderExpressionsDoc();
    for (const e of TABLE) expect(doc, e.construct).to.include(`| ${e.construct.replace(/\|/g, '\\|')} |`);
    for (const d of DIFFERENCES) expect(doc).to.include(`| ${d.topic} |`);
  });

  it('has one table entry per dispatch key', () => {
    const keys = TABLE.map((e) => `${e.kind}:${entryName(e)}`);
    expect(new Set(keys).size).to.equal(keys.length);
  });
});
