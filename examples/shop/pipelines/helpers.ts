/** Helpers shared by the shop pipelines; pure, so the compiler inlines them into SQL. */

/** Emails compare case- and whitespace-insensitively. */
export function normalizeEmail(email: string | null): string | null {
  return email?.trim().toLowerCase() ?? null;
}

export const CANCELLED = 'cancelled';
export const EURO_AREA = ['NL', 'BE', 'DE', 'FR'];
