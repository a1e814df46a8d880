/**
 * Converting amounts to one reporting currency, so that revenue of a customer who buys in
 * several currencies adds up. The rates are fixed reference rates: replace them with an FX
 * source (a model of daily rates joined on the transaction date) when one exists.
 */

/** Euros per unit of each currency the sources use (ECB reference, 2024 average). */
export const EUR_PER_UNIT = { EUR: 1, GBP: 1.18, USD: 0.92, CHF: 1.05, SEK: 0.087 } as const;

/**
 * `amount` in euros, rounded to cents; null for a currency without a rate (the transactions
 * model fails its expectation then, instead of dropping the amount from revenue).
 */
export function toEur(amount: number, currency: string): number | null {
  if (currency === 'EUR') return cents(amount * EUR_PER_UNIT.EUR);
  if (currency === 'GBP') return cents(amount * EUR_PER_UNIT.GBP);
  if (currency === 'USD') return cents(amount * EUR_PER_UNIT.USD);
  if (currency === 'CHF') return cents(amount * EUR_PER_UNIT.CHF);
  if (currency === 'SEK') return cents(amount * EUR_PER_UNIT.SEK);
  return null;
}

/** Rounded to whole cents (halves up, as Math.round in every engine). */
function cents(amount: number): number {
  return Math.round(amount * 100) / 100;
}
