/**
 * Email match keys: trim + lower case, and NULL unless the value looks like an address
 * (one `@`, a dot in the domain, no spaces), which turns `n/a`, `-` and empty strings into
 * "no key" instead of a key shared by thousands.
 *
 * Gmail canonicalization (drop dots and `+tag` in the local part, googlemail.com → gmail.com)
 * is opt-in: it is right for Gmail but merging on it is a policy choice (two people rarely
 * share dot-variants, but some systems treat `+tag` addresses as distinct customers).
 */
import type { SqlFunctions } from '../sql/functions.js';

export interface EmailOptions {
  /** Apply Gmail's dot and plus rules. Default false. */
  gmail?: boolean;
}

/** The shape an address must have after trimming and lower-casing. */
export const EMAIL_SHAPE = '^[^@ ]+@[^@ ]+[.][^@ ]+$';
const GMAIL_DOMAINS = ['gmail.com', 'googlemail.com'];

/** The email key of a raw value, or null. This is the specification the SQL follows. */
export function normalizeEmail(raw: string | null, options: EmailOptions = {}): string | null {
  if (raw === null) return null;
  const email = raw.trim().toLowerCase();
  if (!new RegExp(EMAIL_SHAPE).test(email)) return null;
  if (!options.gmail) return email;
  const [local, domain] = email.split('@') as [string, string];
  if (!GMAIL_DOMAINS.includes(domain)) return email;
  return `${local.replace(/[+].*$/, '').replace(/[.]/g, '')}@gmail.com`;
}

/** SQL computing {@link normalizeEmail} of the STRING expression `expr`. */
export function emailKeySql(f: SqlFunctions, expr: string, options: EmailOptions = {}): string {
  const e = `LOWER(TRIM(${expr}))`;
  const shaped = `CASE WHEN ${f.regexContains(e, EMAIL_SHAPE)} THEN ${e} END`;
  if (!options.gmail) return shaped;
  const domain = f.regexExtract(shaped, '@(.*)$');
  const local = f.regexExtract(shaped, '^([^@+]*)');
  return (
    `CASE WHEN ${domain} IN (${GMAIL_DOMAINS.map((d) => f.stringLiteral(d)).join(', ')})` +
    ` THEN CONCAT(REPLACE(${local}, '.', ''), '@gmail.com') ELSE ${shaped} END`
  );
}
