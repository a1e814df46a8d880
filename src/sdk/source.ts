import { captureCallSite } from './callsite.js';
import type { SourceSpec } from './graph.js';
import { schemaFields, type RowOf, type Schema } from './schema.js';

/** A declared source table. `T` is its row type, inferred from the schema. */
export class Source<T> {
  /** Phantom field carrying the row type. */
  declare readonly __row: T;
  constructor(readonly spec: SourceSpec) {}
}

export interface SourceOptions {
  /** What one row is; shown in docs and the manifest. */
  description?: string;
}

/**
 * Declares a source table: raw data the warehouse already holds (or, locally, a CSV,
 * Parquet or NDJSON file named after the source).
 *
 * @example
 * export const crmContacts = source('crm_contacts', {
 *   contact_id: t.string(), email: t.string().nullable(),
 * }, { description: 'CRM export, one row per contact version' });
 */
export function source<S extends Schema>(name: string, schema: S, options: SourceOptions = {}): Source<RowOf<S>> {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new Error(`source name ${JSON.stringify(name)} must be letters, digits and underscores`);
  }
  return new Source<RowOf<S>>({
    name,
    schema: schemaFields(schema),
    ...(options.description !== undefined ? { description: options.description } : {}),
    site: captureCallSite(),
  });
}
