/**
 * `customers`: one row per stable customer id — the golden record (survivorship per
 * attribute, pipelines/survivorship.ts), when the customer was first and last seen, which
 * source systems know them, and what they bought.
 */
import { expect, notNull, pipeline, time, unique } from '#sluice';
import { events } from './events.js';
import { identityRecords } from './master/identity-records.js';
import { crmConsent, observations } from './master/observations.js';
import { GOLDEN_DESCRIPTIONS, goldenAttributes } from './survivorship.js';
import { transactions } from './transactions.js';

/**
 * More source records than this (analytics events not counted) makes a customer suspicious:
 * one real person rarely has that many CRM versions, cards, orders and receipts together,
 * so it is more likely a shared key fused several people. A warning, not an error.
 */
export const MAX_RECORDS_PER_CUSTOMER = 200;

export const customers = pipeline('customers', (p) => {
  const records = p.read(identityRecords);
  // Distinct first, then an ordered arrayAgg: the same alphabetical array on every engine.
  const sources = records
    .map((r) => ({ customer_id: r.customer_id, source: r.source }))
    .distinct()
    .groupBy((r) => ({ customer_id: r.customer_id }))
    .aggregate((g) => ({ sources_seen: g.arrayAgg((r) => r.source, { order: (r) => r.source }) }));
  const registry = records
    .groupBy((r) => ({ customer_id: r.customer_id }))
    .aggregate((g) => ({ record_count: g.countIf((r) => r.source !== 'app_events') }))
    .join(sources, {
      on: (c, s) => c.customer_id === s.customer_id,
      select: (c, s) => ({ customer_id: c.customer_id, sources_seen: s.sources_seen, record_count: c.record_count }),
    });

  const golden = observations(p)
    .groupBy((o) => ({ customer_id: o.customer_id }))
    .aggregate((g) => ({ ...goldenAttributes(g), first_observed_at: g.min((o) => o.observed_at), last_observed_at: g.max((o) => o.observed_at) }));

  const purchases = p
    .read(transactions.outputs.transactions)
    .filter((t) => t.customer_id !== null)
    .groupBy((t) => ({ customer_id: t.customer_id! }))
    .aggregate((g) => ({
      order_count: g.countIf((t) => t.kind === 'sale'),
      net_revenue_eur: g.sum((t) => t.amount_eur),
      last_order_at: g.max((t) => (t.kind === 'sale' ? t.transacted_at : null)),
      first_transaction_at: g.min((t) => t.transacted_at),
      last_transaction_at: g.max((t) => t.transacted_at),
    }));

  const visits = p
    .read(events.outputs.events)
    .filter((e) => e.customer_id !== null)
    .groupBy((e) => ({ customer_id: e.customer_id! }))
    .aggregate((g) => ({ first_event_at: g.min((e) => e.event_at), last_event_at: g.max((e) => e.event_at) }));

  const withGolden = registry.join(golden, {
    type: 'left',
    on: (c, a) => c.customer_id === a.customer_id,
    select: (c, a) => ({ ...c, ...a, customer_id: c.customer_id }),
  });
  const withPurchases = withGolden.join(purchases, {
    type: 'left',
    on: (c, t) => c.customer_id === t.customer_id,
    select: (c, t) => ({ ...c, ...t, customer_id: c.customer_id }),
  });
  const withVisits = withPurchases.join(visits, {
    type: 'left',
    on: (c, v) => c.customer_id === v.customer_id,
    select: (c, v) => ({ ...c, ...v, customer_id: c.customer_id }),
  });
  const all = withVisits.join(crmConsent(p), {
    type: 'left',
    on: (c, k) => c.customer_id === k.customer_id,
    select: (c, k) => ({
      customer_id: c.customer_id,
      email: c.email,
      phone: c.phone,
      first_name: c.first_name,
      last_name: c.last_name,
      postcode: c.postcode,
      country: c.country,
      marketing_opt_in: k.marketing_opt_in,
      loyalty_id: c.loyalty_id,
      loyalty_tier: c.loyalty_tier,
      first_seen_at: earliest(earliest(c.first_observed_at, c.first_transaction_at), c.first_event_at),
      last_seen_at: latest(latest(c.last_observed_at, c.last_transaction_at), c.last_event_at),
      sources_seen: c.sources_seen,
      record_count: c.record_count,
      order_count: c.order_count ?? 0,
      // Rounded so that the summation order of each engine cannot show in the cents.
      net_revenue_eur: Math.round((c.net_revenue_eur ?? 0) * 100) / 100,
      last_order_date: c.last_order_at === null ? null : time.toDate(c.last_order_at),
    }),
  });

  return {
    customers: p.write(all, {
      name: 'customers',
      materialize: 'table',
      description:
        'One row per stable customer id from identity resolution: golden attributes chosen by survivorship ' +
        '(pipelines/survivorship.ts), first and last activity, source systems, orders and net revenue.',
      columns: {
        customer_id: 'Stable customer id from identity resolution (identity_records)',
        ...GOLDEN_DESCRIPTIONS,
        marketing_opt_in: 'Marketing consent of the latest CRM contact version; NULL when the customer is not in the CRM',
        first_seen_at: 'Earliest activity of any record: CRM contact version, loyalty enrolment, order, return, receipt or event',
        last_seen_at: 'Latest activity of any record',
        sources_seen: 'Source tables holding records of this customer, alphabetical',
        record_count: 'Source records resolved to this customer, analytics events not counted',
        order_count: 'Sales in the web shop and the stores (returns not counted)',
        net_revenue_eur: 'Sales minus returns and refunds, in euros (sum of transactions.amount_eur); 0 without transactions',
        last_order_date: 'UTC date of the latest sale; NULL for customers who never bought',
      },
      clusterBy: ['customer_id'],
      expect: [
        unique((c) => c.customer_id),
        notNull((c) => c.customer_id),
        expect((c) => c.record_count <= MAX_RECORDS_PER_CUSTOMER, {
          severity: 'warn',
          description: `at most ${MAX_RECORDS_PER_CUSTOMER} source records per customer (more suggests an over-merge)`,
        }),
      ],
    }),
  };
});

// The `!` below are safe after the null checks; the translator does not narrow types
// through `if (...) return`, so it needs them to accept the comparison.

/** The earlier of two optional times. */
function earliest(a: Date | null, b: Date | null): Date | null {
  if (a === null) return b;
  if (b === null) return a;
  return a!.getTime() <= b!.getTime() ? a : b;
}

/** The later of two optional times. */
function latest(a: Date | null, b: Date | null): Date | null {
  if (a === null) return b;
  if (b === null) return a;
  return a!.getTime() >= b!.getTime() ? a : b;
}
