/**
 * Where the master models read identity resolution's record → customer map: the
 * `identity_records` model of pipelines/identity.ts (source, record_id within the source,
 * seen_at, customer_id). Records without any match key (anonymous store receipts) are absent.
 */
import { identity } from '../identity.js';

/** The identity pipeline's record → customer map. */
export const identityRecords = identity.outputs.records;
