/** shop_orders and shop_returns: accounts and guest checkouts, currencies, returns, refunds. */
import { money, timestamp, randomInstant, type EmitContext } from './context.js';
import { JUNK_EMAILS, JUNK_PHONES, maybeJunk, messyEmail, messyName, messyPhone, messyPostcode } from './mess.js';
import type { Person } from './people.js';
import { FOREIGN_CURRENCIES, RETURN_REASONS } from './vocab.js';

export const ORDER_COLUMNS = [
  'order_id', 'account_id', 'email', 'phone', 'first_name', 'last_name', 'postcode', 'country',
  'ordered_at', 'status', 'currency', 'item_count', 'total_amount', 'shipping_amount',
] as const;

export const RETURN_COLUMNS = [
  'return_id', 'order_id', 'kind', 'returned_at', 'currency', 'item_count', 'refund_amount', 'reason',
] as const;

/** Emits each shopper's orders and, for about 12% of completed orders, a return or refund. */
export function emitShop(orders: EmitContext, returns: Omit<EmitContext, 'rng'>, persons: readonly Person[]): void {
  const { rng, out } = orders;
  let nextOrder = 1;
  let nextAccount = 1;
  let nextReturn = 1;
  for (const p of persons) {
    if (!p.shopper) continue;
    const account = rng.chance(0.7) ? `A${String(nextAccount++).padStart(7, '0')}` : null;
    const count = rng.count(2.5);
    for (let o = 0; o < count; o++) {
      const orderId = `WS-${String(nextOrder++).padStart(8, '0')}`;
      orders.truth(orderId, p.id);
      // Guests of an account holder still check out as guest now and then.
      const accountId = account !== null && rng.chance(0.9) ? account : null;
      const email = p.emails[rng.chance(0.75) ? p.emails.length - 1 : 0]!;
      const phone = rng.chance(0.6) ? (p.mobile ?? p.homePhone) : null;
      const currency = rng.chance(0.05) ? rng.pick(FOREIGN_CURRENCIES) : 'EUR';
      const items = rng.int(1, 5);
      const shipping = rng.chance(0.6) ? 4.95 : 0;
      const total = items * rng.int(500, 12000) / 100 + shipping;
      const status = rng.chance(0.05) ? 'cancelled' : 'completed';
      const orderedAt = randomInstant(rng, 0, 0.95);
      out.row([
        orderId, accountId,
        maybeJunk(rng, messyEmail(rng, email), JUNK_EMAILS, 0.02),
        phone === null ? null : maybeJunk(rng, messyPhone(rng, phone), JUNK_PHONES, 0.02),
        messyName(rng, p.firstName), messyName(rng, p.lastName), messyPostcode(rng, p.postcode), p.country,
        timestamp(orderedAt), status, currency, items, money(total), money(shipping),
      ]);
      if (status !== 'completed' || !rng.chance(0.12)) continue;
      const returnId = `RT-${String(nextReturn++).padStart(7, '0')}`;
      returns.truth(returnId, p.id);
      const refund = rng.chance(0.15);
      const back = refund ? 0 : rng.int(1, items);
      const amount = refund ? Math.round(total * rng.int(10, 50)) / 100 : (total - shipping) * back / items;
      returns.out.row([
        returnId, orderId, refund ? 'refund' : 'return',
        timestamp(orderedAt + rng.int(2, 40) * 86_400_000), currency, back, money(amount),
        rng.chance(0.2) ? null : rng.pick(RETURN_REASONS),
      ]);
    }
  }
}
