/**
 * Cleaning of attribute values for the golden customer record. Pure functions: the compiler
 * inlines them into SQL. (Match keys have their own normalizers in src/identity/normalize;
 * these only decide what is fit to show as a customer's email or phone.)
 */

/** Placeholder addresses people type to get past a form. */
export const JUNK_EMAILS: readonly string[] = ['test@test.com', 'geen@geen.nl', 'x@x.x', 'no@email.com'];

/** Trimmed, lower-cased email; null when empty, not shaped like an address, or a placeholder. */
export function cleanEmail(raw: string | null): string | null {
  const email = raw?.trim().toLowerCase() ?? '';
  if (!/^[^@ ]+@[^@ ]+[.][^@ ]+$/.test(email)) return null;
  if (JUNK_EMAILS.includes(email) || email.startsWith('noemail@')) return null;
  return email;
}

/** The phone as typed, trimmed; null when it has fewer than 6 digits or only zeros (`n/a`, `0000000000`). */
export function cleanPhone(raw: string | null): string | null {
  const phone = raw?.trim() ?? '';
  const digits = phone.replace(/[^0-9]/g, '');
  if (digits.length < 6 || /^0+$/.test(digits)) return null;
  return phone;
}

/** Trimmed text; null when empty. */
export function cleanText(raw: string | null): string | null {
  const text = raw?.trim() ?? '';
  return text === '' ? null : text;
}
