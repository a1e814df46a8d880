/**
 * @duckdb/node-api (1.5.6) decodes VARCHAR values with a default TextDecoder, which drops a
 * leading U+FEFF: '\ufeffx' reads back as 'x' although DuckDB holds it intact. The library
 * reads its decoder from this exported binding on every value, so importing this module makes
 * every read in the process keep the character. Imported by everything that opens DuckDB.
 */
import { createRequire } from 'node:module';

const accessors = createRequire(import.meta.url)('@duckdb/node-api/lib/vectors/dataAccessors.js') as {
  textDecoder: { decode(bytes: Uint8Array): string };
};
accessors.textDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
