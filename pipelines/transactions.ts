/**
 * `transactions`: every sale and return of the web shop and the stores, one row each, with
 * the customer who made it.
 *
 * Sign convention: `amount` is the money that moved towards us, so sales are positive and
 * returns and refunds are negative (zero is allowed for both). Summing `amount` over any set
 * of transactions in one currency gives its net revenue; `amount_eur` does the same across
 * currencies.
 */
import { acceptedValues, expect, notNull, pipeline, ref, relationships, time, unique } from '#sluice';
import { identityRecords } from './master/identity-records.js';
import { toEur } from './master/money.js';
import { posReceipts, shopOrders, shopReturns } from './sources.js';

/** The identity of a customer in the `customers` model (read by name: customers reads this model). */
const customers = ref<{ customer_id: string }>('customers');

export const transactions = pipeline('transactions', (p) => {
  const ids = p.read(identityRecords);

  // Every order with its buyer, cancelled ones included: a return finds its buyer here.
  const orders = p.read(shopOrders).join(
    ids.filter((r) => r.source === 'shop_orders'),
    {
      type: 'left',
      on: (o, r) => r.record_id === o.order_id,
      select: (o, r) => ({ ...o, customer_id: r.customer_id }),
    },
  );

  // A cancelled order never took money, so it is no transaction.
  const webSales = orders
    .filter((o) => o.status === 'completed')
    .map((o) => ({
      transaction_id: o.order_id,
      channel: 'web',
      kind: 'sale',
      customer_id: o.customer_id,
      transacted_at: o.ordered_at,
      currency: o.currency,
      amount: o.total_amount,
      item_count: o.item_count,
      store_id: null as string | null,
      original_transaction_id: null as string | null,
      return_reason: null as string | null,
    }));

  // A return or refund belongs to whoever bought the original order.
  const webReturns = p.read(shopReturns).join(orders, {
    type: 'left',
    on: (rt, o) => rt.order_id === o.order_id,
    select: (rt, o) => ({
      transaction_id: rt.return_id,
      channel: 'web',
      kind: 'return',
      customer_id: o.customer_id,
      transacted_at: rt.returned_at,
      currency: rt.currency,
      // 0 - x, not -x: in JavaScript -0 is a value of its own, SQL has no negative zero.
      amount: 0 - rt.refund_amount,
      item_count: 0 - rt.item_count,
      store_id: null as string | null,
      original_transaction_id: rt.order_id as string | null,
      return_reason: rt.reason === null ? rt.kind : `${rt.kind}: ${rt.reason}`,
    }),
  });

  // Till receipts are signed already (a return at the till is negative). Only a scanned
  // loyalty card names the customer; the till does not record which receipt a return undoes.
  const store = p.read(posReceipts).join(
    ids.filter((r) => r.source === 'pos_receipts'),
    {
      type: 'left',
      on: (rc, r) => r.record_id === rc.receipt_id,
      select: (rc, r) => ({
        transaction_id: rc.receipt_id,
        channel: 'store',
        kind: rc.total_amount < 0 ? 'return' : 'sale',
        customer_id: rc.loyalty_card_id === null ? null : r.customer_id,
        transacted_at: rc.purchased_at,
        currency: rc.currency,
        amount: rc.total_amount,
        item_count: rc.item_count,
        store_id: rc.store_id as string | null,
        original_transaction_id: null as string | null,
        return_reason: rc.total_amount < 0 ? 'till return' : null,
      }),
    },
  );

  const all = webSales
    .union(webReturns, store)
    .map((t) => ({
      ...t,
      transaction_date: time.toDate(t.transacted_at),
      amount_eur: toEur(t.amount, t.currency),
    }));

  return {
    transactions: p.write(all, {
      name: 'transactions',
      materialize: 'table',
      description:
        'Every sale and return of the web shop and the stores, one row per transaction. ' +
        'Amounts are signed: sales positive, returns and refunds negative, so sum(amount) is net revenue.',
      columns: {
        transaction_id: 'Order number (web sale), return number (web return or refund) or receipt number (store)',
        channel: 'web (the web shop) or store (point of sale)',
        kind: 'sale or return (refunds and till returns are returns)',
        customer_id: 'Stable customer id from identity resolution; NULL for anonymous store receipts',
        transacted_at: 'When the order was placed, the return booked or the receipt printed (UTC)',
        currency: 'ISO 4217 currency of amount',
        amount: 'Signed amount in currency: positive for sales, negative (or zero) for returns',
        item_count: 'Items sold (positive) or taken back (negative)',
        store_id: 'Store code for store transactions; NULL for the web shop',
        original_transaction_id: 'For a web return or refund, the order it returns; NULL otherwise (the till does not record it)',
        return_reason: 'For returns: return / refund with the reason given, or "till return"; NULL for sales',
        transaction_date: 'UTC date of transacted_at (the partitioning column)',
        amount_eur: 'amount converted to euros at fixed reference rates (pipelines/master/money.ts), rounded to cents',
      },
      partitionBy: 'transaction_date',
      clusterBy: ['customer_id'],
      expect: [
        unique((t) => t.transaction_id),
        notNull((t) => t.transaction_id),
        acceptedValues((t) => t.kind, ['sale', 'return']),
        acceptedValues((t) => t.channel, ['web', 'store']),
        expect((t) => t.amount >= 0 || t.kind === 'return', { description: 'amounts are non-negative except returns' }),
        expect((t) => t.amount <= 0 || t.kind === 'sale', { description: 'returns are never positive' }),
        expect((t) => t.amount_eur !== null, { description: 'every currency has a euro rate (pipelines/master/money.ts)' }),
        relationships((t) => t.customer_id, customers, (c) => c.customer_id),
        relationships((t) => t.original_transaction_id, ref<{ transaction_id: string }>('transactions'), (t) => t.transaction_id),
      ],
    }),
  };
});
