/** Writes docs/expressions.md from the translator's table: `npm run docs:expressions`. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderExpressionsDoc } from './docs.js';

const target = fileURLToPath(new URL('../../../docs/expressions.md', import.meta.url));
writeFileSync(target, renderExpressionsDoc());
console.log(`wrote ${target}`);
