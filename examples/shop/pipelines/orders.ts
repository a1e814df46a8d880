import { desc, expect, notNull, pipeline, time, unique } from '../../../src/sdk/index.js';
import { CANCELLED, normalizeEmail } from './helpers.js';
import { webOrders } from './sources.js';

/** Clean orders, per-customer order statistics, order lines and shopping sessions. */
export const orders = pipeline('orders', (p) => {
  const clean = p
    .read(webOrders)
    .filter((o) => o.status !== CANCELLED)
    .map((o) => ({
      order_id: o.order_id,
      email: normalizeEmail(o.customer_email),
      amount: o.amount_cents / 100,
      currency: o.currency.toUpperCase(),
      items: o.items,
      ordered_at: o.ordered_at,
      order_day: time.truncDay(o.ordered_at),
    }));

  const cleanOrders = p.write(clean, {
    name: 'clean_orders',
    materialize: 'table',
    description: 'Orders that were not cancelled, with normalized email and amount in currency units',
    columns: { email: 'Lowercased, trimmed checkout email', amount: 'Order total in currency units' },
    partitionBy: 'order_day',
    clusterBy: ['email'],
    labels: { domain: 'sales' },
    expect: [unique((o) => o.order_id), notNull((o) => o.order_id), expect((o) => o.amount >= 0)],
  });

  const perEmail = clean
    .filter((o) => o.email !== null)
    .groupBy((o) => ({ email: o.email }))
    .aggregate((g) => ({
      orders: g.count(),
      revenue: g.sum((o) => o.amount),
      first_order_at: g.min((o) => o.ordered_at),
      last_order_at: g.max((o) => o.ordered_at),
      last_currency: g.last((o) => o.currency, (o) => [o.ordered_at, o.order_id]),
      big_orders: g.countIf((o) => o.amount >= 100),
    }));

  const lines = clean.flatMap((o) => o.items.map((sku, i) => ({ order_id: o.order_id, line: i + 1, sku })));

  const running = clean
    .filter((o) => o.email !== null)
    .window({ partitionBy: (o) => o.email, orderBy: (o) => [o.ordered_at, o.order_id] }, (w) => ({
      order_number: w.rowNumber(),
      previous_amount: w.lag((o) => o.amount),
      lifetime_value: w.runningSum((o) => o.amount),
    }))
    .map((o) => ({ order_id: o.order_id, email: o.email, order_number: o.order_number, previous_amount: o.previous_amount, lifetime_value: o.lifetime_value }));

  const sessions = clean
    .filter((o) => o.email !== null)
    .sessionize({ key: (o) => o.email, time: (o) => o.ordered_at, gapSeconds: 7 * 24 * 3600 })
    .map((o) => ({ order_id: o.order_id, session_id: o.session_id, session_index: o.session_index }));

  const latestOrder = clean.dedupe({ key: (o) => o.email, order: (o) => [desc(o.ordered_at), o.order_id] });

  return {
    cleanOrders,
    perEmail: p.write(perEmail, { name: 'orders_per_email', description: 'Order statistics per customer email' }),
    lines: p.write(lines, { name: 'order_lines', description: 'One row per SKU in an order' }),
    running: p.write(running, { name: 'order_running_totals', description: 'Each order with the customer\'s running lifetime value' }),
    sessions: p.write(sessions, { name: 'order_sessions', description: 'Orders grouped into shopping sessions (a week without orders ends one)' }),
    latest: p.write(latestOrder, { name: 'latest_order_per_email', description: 'Each customer\'s most recent order' }),
  };
});
