/**
 * The true population behind the sample data: persons grouped in households, each with the
 * identifiers a real customer has (one or two emails, a mobile, maybe a shared home phone)
 * and flags for which systems know them. Source emitters render these truths messily.
 */
import type { Rng } from './prng.js';
import { CALLING_CODE, COUNTRIES, EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, WORK_DOMAINS, type Country } from './vocab.js';

/** A phone number as digits: country calling code + national significant number. */
export interface Phone {
  readonly country: Country;
  /** National significant number, without trunk prefix `0` (e.g. `612345678`). */
  readonly national: string;
  readonly mobile: boolean;
}

export interface Person {
  readonly id: string;
  readonly household: number;
  readonly firstName: string;
  readonly lastName: string;
  readonly country: Country;
  readonly postcode: string;
  /** Emails in the order the person used them; a changed email appends, a second one too. */
  readonly emails: readonly string[];
  /** True when emails[1] replaced emails[0] (a changed address) rather than a parallel one. */
  readonly emailChanged: boolean;
  readonly mobile: Phone | null;
  /** The household's landline, shared by everyone living there. */
  readonly homePhone: Phone | null;
  readonly inCrm: boolean;
  readonly shopper: boolean;
  readonly storeVisitor: boolean;
  readonly loyaltyMember: boolean;
  readonly appUser: boolean;
}

const slug = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

function postcode(rng: Rng, country: Country): string {
  if (country === 'NL') return `${rng.int(1011, 9999)} ${String.fromCharCode(rng.int(65, 90), rng.int(65, 90))}`;
  if (country === 'BE') return String(rng.int(1000, 9992));
  return String(rng.int(10115, 99998));
}

function mobile(rng: Rng, country: Country): Phone {
  if (country === 'NL') return { country, national: `6${rng.digits(8)}`, mobile: true };
  if (country === 'BE') return { country, national: `4${rng.pick(['7', '8', '9'])}${rng.digits(7)}`, mobile: true };
  return { country, national: `1${rng.pick(['51', '52', '60', '70', '71', '76'])}${rng.digits(7)}`, mobile: true };
}

function landline(rng: Rng, country: Country): Phone {
  if (country === 'NL') return { country, national: `${rng.pick(['20', '10', '30', '40', '70'])}${rng.digits(7)}`, mobile: false };
  if (country === 'BE') return { country, national: `${rng.pick(['2', '3', '9'])}${rng.digits(7)}`, mobile: false };
  return { country, national: `${rng.pick(['30', '40', '89', '221'])}${rng.digits(7)}`, mobile: false };
}

/** Formats an email from a name, unique across the population (a number is appended on collision). */
function emailFor(rng: Rng, first: string, last: string, domain: string, taken: Set<string>): string {
  const f = slug(first);
  const l = slug(last);
  const local = rng.weighted([
    [`${f}.${l}`, 4],
    [`${f}${l}`, 2],
    [`${f[0]}.${l}`, 2],
    [`${f}${rng.int(1, 99)}`, 1],
    [`${l}.${f}`, 1],
  ] as const);
  let email = `${local}@${domain}`;
  for (let n = 2; taken.has(email); n++) email = `${local}${n}@${domain}`;
  taken.add(email);
  return email;
}

/** Draws `count` persons in households of one to five, deterministically from `rng`. */
export function population(rng: Rng, count: number): Person[] {
  const persons: Person[] = [];
  const taken = new Set<string>();
  for (let household = 0; persons.length < count; household++) {
    const country = rng.weighted(COUNTRIES);
    const lastName = rng.pick(LAST_NAMES);
    const code = postcode(rng, country);
    const home = rng.chance(0.3) ? landline(rng, country) : null;
    const size = Math.min(rng.weighted([[1, 40], [2, 30], [3, 15], [4, 12], [5, 3]] as const), count - persons.length);
    for (let m = 0; m < size; m++) {
      const firstName = rng.pick(FIRST_NAMES);
      // Partners sometimes keep their own family name.
      const ownLastName = m > 0 && rng.chance(0.15) ? rng.pick(LAST_NAMES) : lastName;
      const emails = [emailFor(rng, firstName, ownLastName, rng.pick(EMAIL_DOMAINS[country]), taken)];
      const emailChanged = rng.chance(0.1);
      if (emailChanged) emails.push(emailFor(rng, firstName, ownLastName, rng.pick(EMAIL_DOMAINS[country]), taken));
      else if (rng.chance(0.2)) emails.push(emailFor(rng, firstName, ownLastName, rng.pick(WORK_DOMAINS), taken));
      persons.push({
        id: `P${String(persons.length + 1).padStart(7, '0')}`,
        household,
        firstName,
        lastName: ownLastName,
        country,
        postcode: code,
        emails,
        emailChanged,
        mobile: rng.chance(0.85) ? mobile(rng, country) : null,
        homePhone: home,
        inCrm: rng.chance(0.7),
        shopper: rng.chance(0.6),
        storeVisitor: rng.chance(0.7),
        loyaltyMember: rng.chance(0.45),
        appUser: rng.chance(0.5),
      });
    }
  }
  return persons;
}

/** The E.164 form of a phone (what normalization must recover from every messy rendering). */
export const e164 = (phone: Phone) => `+${CALLING_CODE[phone.country]}${phone.national}`;
