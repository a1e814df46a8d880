/**
 * Survivorship: which source's value becomes the customer's golden attribute.
 *
 * Each line of {@link goldenAttributes} is one attribute: its value from the observations
 * and a precedence list. The value of the first listed system that holds one is kept; within
 * a system, the most recently observed non-null value; ties by record id. A system not
 * listed never supplies the attribute. Adding an attribute is one line there (plus its
 * description below); changing precedence is reordering a list here.
 */
import type { Group } from '#sluice';
import type { Observation } from './master/observations.js';

/** The source systems of the observations (pipelines/master/observations.ts). */
export type System = 'crm' | 'loyalty' | 'shop' | 'app';

/** Systems in order of preference; a system not listed never supplies the attribute. */
export type Precedence = readonly System[];

/** Contact details: the CRM is curated by agents, loyalty is self-service, checkout is typed in a hurry. */
export const CONTACT: Precedence = ['crm', 'loyalty', 'shop', 'app'];
/** Name and address: as for contact details, but an app login says nothing about them. */
export const PERSONAL: Precedence = ['crm', 'loyalty', 'shop'];
/** The loyalty programme owns its card and tier. */
export const LOYALTY_ONLY: Precedence = ['loyalty'];

/** 1 for the preferred system of `p`, 2 for the next, ...; null when `p` does not list it. */
export function rank(o: Observation, p: Precedence): number | null {
  if (p[0] === o.system) return 1;
  if (p[1] === o.system) return 2;
  if (p[2] === o.system) return 3;
  if (p[3] === o.system) return 4;
  return null;
}

/** `value` when the observation's system may supply it under `p`, else null (so it never survives). */
export function from<V>(o: Observation, value: V, p: Precedence): V | null {
  return rank(o, p) === null ? null : value;
}

/** Sort key putting the preferred system last (latestNonNull keeps the last): minus its rank. */
export function preference(o: Observation, p: Precedence): number {
  return -(rank(o, p) ?? 0);
}

/** The golden attributes of one customer: one line per attribute. */
export function goldenAttributes(g: Group<Observation>) {
  return {
    email: g.latestNonNull((o) => from(o, o.email, CONTACT), (o) => [preference(o, CONTACT), o.observed_at, o.record_id]),
    phone: g.latestNonNull((o) => from(o, o.phone, CONTACT), (o) => [preference(o, CONTACT), o.observed_at, o.record_id]),
    first_name: g.latestNonNull((o) => from(o, o.first_name, PERSONAL), (o) => [preference(o, PERSONAL), o.observed_at, o.record_id]),
    last_name: g.latestNonNull((o) => from(o, o.last_name, PERSONAL), (o) => [preference(o, PERSONAL), o.observed_at, o.record_id]),
    postcode: g.latestNonNull((o) => from(o, o.postcode, PERSONAL), (o) => [preference(o, PERSONAL), o.observed_at, o.record_id]),
    country: g.latestNonNull((o) => from(o, o.country, PERSONAL), (o) => [preference(o, PERSONAL), o.observed_at, o.record_id]),
    loyalty_id: g.latestNonNull((o) => from(o, o.loyalty_id, LOYALTY_ONLY), (o) => [preference(o, LOYALTY_ONLY), o.observed_at, o.record_id]),
    loyalty_tier: g.latestNonNull((o) => from(o, o.loyalty_tier, LOYALTY_ONLY), (o) => [preference(o, LOYALTY_ONLY), o.observed_at, o.record_id]),
  };
}

/** Descriptions of the golden attributes, for the customers model (one per attribute, or tsc fails). */
export const GOLDEN_DESCRIPTIONS = {
  email: 'Golden email (trimmed, lower-case; placeholders removed): CRM, then loyalty, shop, app login; most recent within a system',
  phone: 'Golden phone as typed (trimmed): CRM, then loyalty, then shop; most recent within a system',
  first_name: 'Golden given name: CRM, then loyalty, then shop billing name',
  last_name: 'Golden family name: CRM, then loyalty, then shop billing name',
  postcode: 'Golden postal code: CRM, then loyalty, then shop billing address',
  country: 'Golden ISO 3166-1 alpha-2 country: CRM, then loyalty, then shop billing address',
  loyalty_id: 'Loyalty card number (the most recently enrolled card); NULL for non-members',
  loyalty_tier: 'Loyalty tier of that card: basic, silver or gold',
} satisfies Record<keyof ReturnType<typeof goldenAttributes>, string>;
