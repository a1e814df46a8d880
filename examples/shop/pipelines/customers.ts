import { acceptedValues, desc, pipeline, relationships, unique } from '../../../src/sdk/index.js';
import { EURO_AREA, normalizeEmail } from './helpers.js';
import { orders } from './orders.js';
import { storeCustomers, webOrders } from './sources.js';

/** One row per customer email known to either source, with their order statistics. */
export const customers = pipeline('customers', (p) => {
  const crm = p
    .read(storeCustomers)
    .map((c) => ({ ...c, email: normalizeEmail(c.email), euro: EURO_AREA.includes(c.country ?? '') }))
    .dedupe({ key: (c) => c.email, order: (c) => [desc(c.signup_date), c.customer_id] });

  const emails = crm
    .map((c) => ({ email: c.email }))
    .union(p.read(webOrders).map((o) => ({ email: normalizeEmail(o.customer_email) })))
    .filter((e) => e.email !== null)
    .distinct();

  const stats = p.read(orders.outputs.perEmail);

  const withCrm = emails.join(crm, {
    type: 'left',
    on: (e, c) => e.email === c.email,
    select: (e, c) => ({ email: e.email, customer_id: c.customer_id, name: c.full_name, euro: c.euro ?? false }),
  });

  const full = withCrm.join(stats, {
    type: 'left',
    on: (c, s) => c.email === s.email,
    select: (c, s) => ({
      email: c.email!,
      customer_id: c.customer_id,
      name: c.name,
      euro: c.euro,
      orders: s.orders ?? 0,
      revenue: s.revenue ?? 0,
      segment: (s.revenue ?? 0) >= 500 ? 'vip' : (s.orders ?? 0) > 0 ? 'buyer' : 'prospect',
    }),
  });

  const written = p.write(full, {
    name: 'customers',
    materialize: 'table',
    description: 'Customers by email across the CRM and the web shop',
    columns: {
      email: 'Normalized email, the customer key',
      customer_id: 'CRM customer number, null for shop-only customers',
      segment: 'vip (≥ 500 revenue), buyer or prospect',
    },
    expect: [unique((c) => c.email), acceptedValues((c) => c.segment, ['vip', 'buyer', 'prospect'])],
  });

  p.write(
    p.read(orders.outputs.cleanOrders).map((o) => ({ order_id: o.order_id, email: o.email })),
    { name: 'order_customers', expect: [relationships((o) => o.email, written, (c) => c.email)] },
  );
  return { customers: written };
});
