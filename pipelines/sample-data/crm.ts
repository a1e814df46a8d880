/** crm_contacts: contact versions, duplicate contacts, changed emails and phones. */
import { timestamp, randomInstant, type EmitContext } from './context.js';
import { JUNK_EMAILS, JUNK_PHONES, maybeJunk, messyEmail, messyName, messyPhone, messyPostcode } from './mess.js';
import type { Person } from './people.js';

export const CRM_COLUMNS = [
  'contact_id', 'version', 'email', 'phone', 'first_name', 'last_name', 'postcode', 'country',
  'marketing_opt_in', 'created_at', 'updated_at',
] as const;

/** Emits one to three versions per contact; 8% of persons have a duplicate contact. */
export function emitCrm(ctx: EmitContext, persons: readonly Person[]): void {
  const { rng, out } = ctx;
  let next = 1;
  for (const p of persons) {
    if (!p.inCrm) continue;
    const contacts = rng.chance(0.08) ? 2 : 1;
    for (let c = 0; c < contacts; c++) {
      const contactId = `C${String(next++).padStart(7, '0')}`;
      ctx.truth(contactId, p.id);
      const created = randomInstant(rng, 0, 0.6);
      const versions = rng.weighted([[1, 60], [2, 28], [3, 12]] as const);
      // A duplicate contact was typically made from the other email; a changed email shows
      // as a later version with the new address.
      let email: string | null = p.emails[Math.min(c, p.emails.length - 1)] ?? null;
      let phone = p.mobile ?? p.homePhone;
      const optIn = rng.chance(0.55);
      let at = created;
      for (let v = 1; v <= versions; v++) {
        if (v > 1) {
          at += rng.int(1, 120) * 86_400_000;
          if (p.emailChanged && p.emails[1] !== undefined) email = p.emails[1];
          else if (rng.chance(0.3)) phone = p.homePhone ?? phone;
        }
        const shownEmail = email === null || rng.chance(0.08) ? null : maybeJunk(rng, messyEmail(rng, email), JUNK_EMAILS, 0.03);
        const shownPhone = phone === null || rng.chance(0.1) ? null : maybeJunk(rng, messyPhone(rng, phone), JUNK_PHONES, 0.03);
        out.row([
          contactId, v, shownEmail, shownPhone,
          messyName(rng, p.firstName), messyName(rng, p.lastName),
          rng.chance(0.05) ? null : messyPostcode(rng, p.postcode), p.country,
          optIn, timestamp(created), timestamp(at),
        ]);
      }
    }
  }
}
