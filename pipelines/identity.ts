/**
 * Identity resolution for the customer data model: which records of which sources are one
 * customer, and a stable customer id for each (see docs/identity.md).
 *
 * Everyday changes are one line here:
 * - add a source: one entry in `records`, mapping its rows to { source, record_id, seen_at, keys };
 * - add a match key: one more key in that source's `keys` array (emailKey, phoneKey, nameKey, idKey);
 * - block a junk value or cap a key type: one line in `blockReason` / `maxDegree`;
 * - drop keys shared by several people: one line in `sharedKeyReason` (with its evidence in `keyEvidence`);
 * - limit a key type per customer or change which keys give way: one line in `maxKeys` / `keyPriority`.
 */
import { pipeline, type Group, type PipelineBuilder } from '#sluice';
import { emailKey, firstNameOfNameKey, idKey, nameKey, phoneKey, resolveIdentities, type KeyCandidate, type KeyCompanion } from '../src/transforms/identity/index.js';
import { appEvents, crmContacts, loyaltyMembers, posReceipts, shopOrders, shopReturns } from './sources.js';

/** National phone numbers without a country are read in this country. */
const DEFAULT_COUNTRY = 'NL';

/** App events on one device without a gap this long (seconds) are one session, hence one person. */
const SESSION_GAP_SECONDS = 30 * 60;

/** Placeholder emails typed to get past a mandatory field (normalized form). */
const BLOCKED_EMAILS: readonly string[] = ['test@test.com', 'geen@geen.nl', 'x@x.x'];
/** Placeholder phones that normalize to a plausible number (E.164). */
const BLOCKED_PHONES: readonly string[] = ['+31612345678'];

/** A key value shared by more records than this cannot be one person's: it is dropped. */
function maxDegree(keyType: string): number {
  if (keyType === 'email') return 500; // events carry the logged-in email: real degrees are high
  if (keyType === 'phone') return 50; // shared family phones are fine, a shop's default is not
  if (keyType === 'name') return 50;
  if (keyType === 'device') return 5000;
  if (keyType === 'session') return 5000;
  if (keyType === 'order') return 50;
  return 1000; // loyalty, account
}

/** Blocklists and degree caps: why a key may not link records, or null. Checked in order. */
export function blockReason(k: KeyCandidate): string | null {
  if (k.key_type === 'email' && BLOCKED_EMAILS.includes(k.key_value)) return 'blocked_value';
  if (k.key_type === 'email' && /^noemail@/.test(k.key_value)) return 'blocked_pattern';
  if (k.key_type === 'phone' && BLOCKED_PHONES.includes(k.key_value)) return 'blocked_value';
  if (k.degree > maxDegree(k.key_type)) return 'degree_cap';
  return null;
}

/** What the key judge knows of each key besides its degree: distinct companions on its records. */
const keyEvidence = (g: Group<KeyCompanion>) => ({
  emails: g.countDistinct((c) => (c.other_type === 'email' ? c.other_value : null)),
  first_names: g.countDistinct((c) => (c.other_type === 'name' ? firstNameOfNameKey(c.other_value) : null)),
});

/** A key carried by records of different people (family tablets, home phones): why it is dropped, or null. */
function sharedKeyReason(k: KeyCandidate & ReturnType<typeof keyEvidence>): string | null {
  if (k.key_type === 'device' && k.emails > 1) return 'shared_device'; // a family tablet: two people log in
  if (k.key_type === 'phone' && k.first_names > 1) return 'shared_phone'; // a home phone: two first names give it
  return null;
}

/** Higher outranks lower: when a customer breaks a limit, the conflicting keys of lower priority give way. */
function keyPriority(keyType: string): number {
  if (keyType === 'account') return 70;
  if (keyType === 'loyalty') return 60;
  if (keyType === 'order') return 50;
  if (keyType === 'email') return 40;
  if (keyType === 'name') return 30;
  if (keyType === 'phone') return 20;
  if (keyType === 'session') return 15;
  return 10; // device
}

/** At most this many distinct keys of a type per customer; null: no limit. */
function maxKeys(keyType: string): number | null {
  if (keyType === 'account') return 1; // one shop account per person
  if (keyType === 'loyalty') return 2; // a member may have a replacement card
  return null;
}

/** Every source that identifies people, mapped to records with match keys. */
export function identityRecords(p: PipelineBuilder) {
  return [
    p.read(crmContacts).map((c) => ({
      source: 'crm_contacts', record_id: c.contact_id, seen_at: c.created_at,
      keys: [emailKey(c.email), phoneKey(c.phone, c.country, DEFAULT_COUNTRY), nameKey(c.first_name, c.last_name, c.postcode)],
    })),
    p.read(shopOrders).map((o) => ({
      source: 'shop_orders', record_id: o.order_id, seen_at: o.ordered_at,
      keys: [emailKey(o.email), phoneKey(o.phone, o.country, DEFAULT_COUNTRY), nameKey(o.first_name, o.last_name, o.postcode), idKey('account', o.account_id, 'account: shop account'), idKey('order', o.order_id, 'order: the order itself')],
    })),
    p.read(shopReturns).map((r) => ({
      source: 'shop_returns', record_id: r.return_id, seen_at: r.returned_at,
      keys: [idKey('order', r.order_id, 'order: return of the order')],
    })),
    p.read(loyaltyMembers).map((m) => ({
      source: 'loyalty_members', record_id: m.loyalty_id, seen_at: m.enrolled_at,
      keys: [emailKey(m.email), phoneKey(m.phone, m.country, DEFAULT_COUNTRY), nameKey(m.first_name, m.last_name, m.postcode), idKey('loyalty', m.loyalty_id, 'loyalty: the card itself')],
    })),
    p.read(posReceipts).map((r) => ({
      source: 'pos_receipts', record_id: r.receipt_id, seen_at: r.purchased_at,
      keys: [idKey('loyalty', r.loyalty_card_id, 'loyalty: card scanned at the till')],
    })),
    // A session (one device, no 30-minute gap) is one person even on a shared family tablet,
    // so its anonymous events still reach the login in the same session when the device key is dropped.
    p.read(appEvents).sessionize({ key: (e) => e.device_id, time: (e) => e.event_at, gapSeconds: SESSION_GAP_SECONDS }).map((e) => ({
      source: 'app_events', record_id: e.event_id, seen_at: e.event_at,
      keys: [idKey('device', e.device_id, 'device: same device'), idKey('session', e.session_id, 'session: same device, no 30-minute gap'), emailKey(e.email)],
    })),
  ];
}

/** The identity models; other pipelines read them as `p.read(identity.outputs.records)`. */
export const identity = pipeline('identity', (p) =>
  resolveIdentities(p, {
    records: identityRecords(p),
    keyEvidence,
    judgeKeys: (keys) => keys.map((k) => ({ ...k, drop_reason: blockReason(k) ?? sharedKeyReason(k) })),
    limits: (types) => types.map((t) => ({ key_type: t.key_type, max_keys: maxKeys(t.key_type), priority: keyPriority(t.key_type) })),
  }),
);
