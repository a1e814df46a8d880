/**
 * Match-key constructors: one per key type, pairing the type with its normalization and the
 * name of the rule that made the key (kept on every identity edge for explainability).
 * Call them inside the `keys: [...]` array of an identity record; they are inlined into SQL.
 *
 * @example
 * p.read(crmContacts).map((c) => ({
 *   source: 'crm_contacts', record_id: c.contact_id, seen_at: c.created_at,
 *   keys: [emailKey(c.email), phoneKey(c.phone, c.country), nameKey(c.first_name, c.last_name, c.postcode)],
 * }))
 */
import { normalizeEmail, normalizeId, normalizeNamePostcode, normalizePhone } from './normalize.js';
import type { MatchKey } from './types.js';

/** Email, trimmed and lower-cased; junk without an address shape gives no key. */
export function emailKey(raw: string | null): MatchKey {
  return { key_type: 'email', key_value: normalizeEmail(raw), rule: 'email: trim + lower case' };
}

/** Phone in E.164, national numbers read in `country` (else `defaultCountry`). */
export function phoneKey(raw: string | null, country: string | null, defaultCountry: string = 'NL'): MatchKey {
  return { key_type: 'phone', key_value: normalizePhone(raw, country, defaultCountry), rule: 'phone: E.164' };
}

/** First name + last name + postcode, case- and space-insensitive. */
export function nameKey(first: string | null, last: string | null, postcode: string | null): MatchKey {
  return { key_type: 'name', key_value: normalizeNamePostcode(first, last, postcode), rule: 'name: first + last + postcode' };
}

/**
 * An opaque identifier of the given key type (`loyalty`, `device`, `account`, `order`),
 * matched exactly after trimming. `rule` names where it comes from, e.g. `order: return of order`.
 */
export function idKey(keyType: string, raw: string | null, rule: string = 'exact id'): MatchKey {
  return { key_type: keyType, key_value: normalizeId(raw), rule: rule };
}
