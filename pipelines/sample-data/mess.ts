/**
 * How real systems garble identifiers: case, stray spaces, national vs international phone
 * formats, and junk placeholders typed to get past a mandatory field.
 */
import type { Phone } from './people.js';
import type { Rng } from './prng.js';
import { CALLING_CODE } from './vocab.js';

/** Placeholder emails people and agents type when they do not want to give one. */
export const JUNK_EMAILS = ['test@test.com', 'noemail@shop.example', 'noemail@none.nl', 'n/a', 'geen@geen.nl', 'x@x.x'] as const;

/** Placeholder phones. */
export const JUNK_PHONES = ['0000000000', 'n/a', '-', '123456', '0612345678'] as const;

/** An email as a person or agent types it: sometimes capitalized, shouted or padded. */
export function messyEmail(rng: Rng, email: string): string {
  const style = rng.weighted([['plain', 70], ['capital', 14], ['upper', 4], ['spaces', 12]] as const);
  if (style === 'capital') return email.replace(/(^|[.@])([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase());
  if (style === 'upper') return email.toUpperCase();
  if (style === 'spaces') return rng.pick([` ${email}`, `${email} `, `  ${email} `]);
  return email;
}

function group(digits: string, sizes: readonly number[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    if (at >= digits.length) break;
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  if (at < digits.length) parts.push(digits.slice(at));
  return parts.join(' ');
}

/** A phone in one of the formats seen in the wild, national or international. */
export function messyPhone(rng: Rng, phone: Phone): string {
  const cc = CALLING_CODE[phone.country];
  const n = phone.national;
  const head = phone.mobile ? n.slice(0, 1) : n.slice(0, n.length - 7);
  const tail = n.slice(head.length);
  const style = rng.weighted([
    ['national', 25], ['national-dash', 15], ['national-spaced', 15], ['intl', 15],
    ['intl-spaced', 10], ['intl-00', 8], ['intl-trunk', 6], ['national-parens', 4], ['no-trunk', 2],
  ] as const);
  switch (style) {
    case 'national': return `0${n}`;
    case 'national-dash': return `0${head}-${tail}`;
    case 'national-spaced': return `0${head} ${group(tail, [2, 2, 2, 2])}`;
    case 'intl': return `+${cc}${n}`;
    case 'intl-spaced': return `+${cc} ${head} ${group(tail, [3, 2, 2])}`;
    case 'intl-00': return `00${cc}${n}`;
    case 'intl-trunk': return `+${cc} (0)${head} ${tail}`;
    case 'national-parens': return `(0${head}) ${tail}`;
    case 'no-trunk': return n;
  }
}

/** Replaces a value with junk with probability `p`; returns the junk or the value unchanged. */
export function maybeJunk<T extends string | null>(rng: Rng, value: T, junk: readonly string[], p: number): string | T {
  return rng.chance(p) ? rng.pick(junk) : value;
}

/** Occasionally mangles a name the way forms do (all caps, lower case, padded). */
export function messyName(rng: Rng, name: string): string {
  const style = rng.weighted([['plain', 88], ['upper', 4], ['lower', 5], ['spaces', 3]] as const);
  if (style === 'upper') return name.toUpperCase();
  if (style === 'lower') return name.toLowerCase();
  if (style === 'spaces') return `${name} `;
  return name;
}

/** A postcode as typed: NL postcodes lose their space or their capitals. */
export function messyPostcode(rng: Rng, postcode: string): string {
  if (!/ /.test(postcode)) return postcode;
  return rng.weighted([[postcode, 70], [postcode.replace(' ', ''), 20], [postcode.toLowerCase(), 10]] as const);
}
