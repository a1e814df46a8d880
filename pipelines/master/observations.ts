/**
 * Attribute observations: every value a source system holds about a customer, one row per
 * source record (or CRM contact version), with when it was observed. Survivorship
 * (pipelines/survivorship.ts) picks the golden value of each attribute from these.
 *
 * Every source maps to the same columns; an attribute it does not hold is NULL. To feed a
 * new attribute, add its column to each mapping here, then one line to the survivorship table.
 */
import type { PCollection, PipelineBuilder } from '#sluice';
import { appEvents, crmContacts, loyaltyMembers, shopOrders } from '../sources.js';
import { cleanEmail, cleanPhone, cleanText } from './clean.js';
import { identityRecords } from './identity-records.js';

/** What one record says about its customer. */
export interface Observation {
  customer_id: string;
  /** The system, as the survivorship table names it: crm, loyalty, shop, app. */
  system: string;
  record_id: string;
  observed_at: Date;
  email: string | null;
  phone: string | null;
  first_name: string | null;
  last_name: string | null;
  postcode: string | null;
  country: string | null;
  loyalty_id: string | null;
  loyalty_tier: string | null;
}

/** The observations of every source that describes people, with their customer ids. */
export function observations(p: PipelineBuilder): PCollection<Observation> {
  const ids = p.read(identityRecords);

  // Each CRM contact version is an observation at the time it was written.
  const crm = p.read(crmContacts).join(ids.filter((r) => r.source === 'crm_contacts'), {
    on: (c, r) => r.record_id === c.contact_id,
    select: (c, r) => ({
      customer_id: r.customer_id,
      system: 'crm',
      record_id: r.record_id,
      observed_at: c.updated_at,
      email: cleanEmail(c.email),
      phone: cleanPhone(c.phone),
      first_name: cleanText(c.first_name),
      last_name: cleanText(c.last_name),
      postcode: cleanText(c.postcode),
      country: cleanText(c.country),
      loyalty_id: null as string | null,
      loyalty_tier: null as string | null,
    }),
  });

  const loyalty = p.read(loyaltyMembers).join(ids.filter((r) => r.source === 'loyalty_members'), {
    on: (m, r) => r.record_id === m.loyalty_id,
    select: (m, r) => ({
      customer_id: r.customer_id,
      system: 'loyalty',
      record_id: r.record_id,
      observed_at: m.enrolled_at,
      email: cleanEmail(m.email),
      phone: cleanPhone(m.phone),
      first_name: cleanText(m.first_name),
      last_name: cleanText(m.last_name),
      postcode: cleanText(m.postcode),
      country: cleanText(m.country),
      loyalty_id: m.loyalty_id as string | null,
      loyalty_tier: m.tier as string | null,
    }),
  });

  const shop = p.read(shopOrders).join(ids.filter((r) => r.source === 'shop_orders'), {
    on: (o, r) => r.record_id === o.order_id,
    select: (o, r) => ({
      customer_id: r.customer_id,
      system: 'shop',
      record_id: r.record_id,
      observed_at: o.ordered_at,
      email: cleanEmail(o.email),
      phone: cleanPhone(o.phone),
      first_name: cleanText(o.first_name),
      last_name: cleanText(o.last_name),
      postcode: cleanText(o.postcode),
      country: cleanText(o.country),
      loyalty_id: null as string | null,
      loyalty_tier: null as string | null,
    }),
  });

  // A login tells the email the person signed in with, nothing else.
  const app = p
    .read(appEvents)
    .filter((e) => e.email !== null)
    .join(ids.filter((r) => r.source === 'app_events'), {
      on: (e, r) => r.record_id === e.event_id,
      select: (e, r) => ({
        customer_id: r.customer_id,
        system: 'app',
        record_id: r.record_id,
        observed_at: e.event_at,
        email: cleanEmail(e.email),
        phone: null as string | null,
        first_name: null as string | null,
        last_name: null as string | null,
        postcode: null as string | null,
        country: null as string | null,
          loyalty_id: null as string | null,
        loyalty_tier: null as string | null,
      }),
    });

  return crm.union(loyalty, shop, app);
}

/**
 * Marketing consent per customer: the opt-in of the latest CRM contact version. Consent is
 * recorded in the CRM only, so it is no cross-source survivorship. (Kept apart from the
 * observations also because a BOOL column would need a typed NULL in every other system's
 * mapping, which `null as boolean | null` does not give yet.)
 */
export function crmConsent(p: PipelineBuilder) {
  return p
    .read(crmContacts)
    .join(
      p.read(identityRecords).filter((r) => r.source === 'crm_contacts'),
      {
        on: (c, r) => r.record_id === c.contact_id,
        select: (c, r) => ({ customer_id: r.customer_id, contact_id: c.contact_id, version: c.version, updated_at: c.updated_at, opt_in: c.marketing_opt_in }),
      },
    )
    .groupBy((c) => ({ customer_id: c.customer_id }))
    .aggregate((g) => ({ marketing_opt_in: g.last((c) => c.opt_in, (c) => [c.updated_at, c.version, c.contact_id]) }));
}
