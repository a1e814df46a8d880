/** loyalty_members: one card per member, a replacement card for some. */
import { timestamp, randomInstant, type EmitContext } from './context.js';
import { JUNK_EMAILS, JUNK_PHONES, maybeJunk, messyEmail, messyName, messyPhone, messyPostcode } from './mess.js';
import type { Person } from './people.js';

export const LOYALTY_COLUMNS = [
  'loyalty_id', 'email', 'phone', 'first_name', 'last_name', 'postcode', 'country', 'tier', 'enrolled_at',
] as const;

/** Emits the members and returns each member's card numbers (POS receipts scan them). */
export function emitLoyalty(ctx: EmitContext, persons: readonly Person[]): Map<string, string[]> {
  const { rng, out } = ctx;
  const cards = new Map<string, string[]>();
  let next = 1;
  for (const p of persons) {
    if (!p.loyaltyMember) continue;
    const count = rng.chance(0.05) ? 2 : 1;
    const mine: string[] = [];
    for (let c = 0; c < count; c++) {
      const id = `2000${String(next++).padStart(8, '0')}`;
      mine.push(id);
      ctx.truth(id, p.id);
      const email = p.emails[p.emails.length - 1]!;
      const phone = p.mobile ?? p.homePhone;
      out.row([
        id,
        rng.chance(0.1) ? null : maybeJunk(rng, messyEmail(rng, email), JUNK_EMAILS, 0.04),
        phone === null || rng.chance(0.15) ? null : maybeJunk(rng, messyPhone(rng, phone), JUNK_PHONES, 0.04),
        messyName(rng, p.firstName), messyName(rng, p.lastName), messyPostcode(rng, p.postcode), p.country,
        rng.weighted([['basic', 70], ['silver', 22], ['gold', 8]] as const),
        timestamp(randomInstant(rng, 0, 0.8)),
      ]);
    }
    cards.set(p.id, mine);
  }
  return cards;
}
