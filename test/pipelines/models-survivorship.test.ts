/**
 * Survivorship and device attribution on hand-written rows (DirectRunner): the golden value
 * comes from the preferred system, the most recent non-null within it; an anonymous event
 * belongs to the latest login on its device.
 */
import { expect } from 'chai';
import { runDirect, type Row } from '../../src/runners/direct/index.js';
import { customers } from '../../pipelines/customers.js';
import { events } from '../../pipelines/events.js';
import { transactions } from '../../pipelines/transactions.js';

const at = (iso: string) => new Date(`${iso}T12:00:00Z`);
const crm = (contact_id: string, version: number, email: string | null, phone: string | null, updated: string): Row => ({
  contact_id, version, email, phone, first_name: 'Ann', last_name: ' Smit ', postcode: null, country: 'NL',
  marketing_opt_in: version === 2, created_at: at('2023-01-01'), updated_at: at(updated),
});
const order = (order_id: string, email: string, phone: string, ordered: string): Row => ({
  order_id, account_id: null, email, phone, first_name: 'Annie', last_name: 'Smit', postcode: '1011 AB', country: 'NL',
  ordered_at: at(ordered), status: 'completed', currency: 'EUR', item_count: 1, total_amount: 10, shipping_amount: 0,
});
const event = (event_id: string, device_id: string, email: string | null, day: string): Row => ({
  event_id, device_id, email, platform: 'web', event_name: 'page_view', event_at: at(day), properties: null,
});

const sources = {
  crm_contacts: [crm('C1', 1, ' Ann@CRM.nl ', null, '2023-01-01'), crm('C1', 2, null, null, '2024-01-01')],
  shop_orders: [order('O1', 'ann@shop.nl', '0612345670', '2024-06-01'), order('O2', 'bob@shop.nl', '0698765430', '2024-06-02')],
  shop_returns: [],
  pos_receipts: [],
  loyalty_members: [{ loyalty_id: 'L1', email: 'test@test.com', phone: '06 11 22 33 44', first_name: null, last_name: null, postcode: null, country: 'NL', tier: 'gold', enrolled_at: at('2023-05-01') }],
  app_events: [
    event('E1', 'dev1', null, '2024-01-01'), event('E2', 'dev1', 'ann@shop.nl', '2024-01-02'),
    event('E3', 'dev1', null, '2024-02-01'), event('E4', 'dev2', null, '2024-02-01'),
  ],
};
const identity_records = [
  ['crm_contacts', 'C1', 'cus_1'], ['shop_orders', 'O1', 'cus_1'], ['loyalty_members', 'L1', 'cus_1'],
  ['app_events', 'E1', 'cus_dev1'], ['app_events', 'E2', 'cus_1'], ['app_events', 'E3', 'cus_dev1'],
  ['app_events', 'E4', 'cus_dev2'], ['shop_orders', 'O2', 'cus_2'],
].map(([source, record_id, customer_id]) => ({ source, record_id, seen_at: at('2023-01-01'), customer_id }));

describe('survivorship and device attribution (fixture rows)', () => {
  const result = runDirect([transactions, events, customers], { sources, models: { identity_records } });
  const customer = (id: string) => result.models.customers!.find((c) => c.customer_id === id)!;

  it('keeps the CRM email over a newer shop email, cleaned, even when the latest CRM version has none', () => {
    expect(customer('cus_1').email).to.equal('ann@crm.nl');
    expect(customer('cus_2').email).to.equal('bob@shop.nl');
  });

  it('falls through to the next system when the preferred one has no value', () => {
    expect(customer('cus_1').phone).to.equal('06 11 22 33 44'); // no CRM phone: loyalty before shop
    expect(customer('cus_1').first_name).to.equal('Ann');
    expect(customer('cus_1').last_name).to.equal('Smit'); // trimmed
    expect(customer('cus_1').postcode).to.equal('1011 AB'); // only the shop has one
  });

  it('takes loyalty attributes from loyalty only, and consent from the latest CRM version', () => {
    expect([customer('cus_1').loyalty_id, customer('cus_1').loyalty_tier]).to.deep.equal(['L1', 'gold']);
    expect(customer('cus_2').loyalty_id).to.equal(null);
    expect(customer('cus_1').marketing_opt_in).to.equal(true);
    expect(customer('cus_2').marketing_opt_in).to.equal(null);
  });

  it('gives anonymous events of a device the customer of its latest login, before and after it', () => {
    const byId = Object.fromEntries(result.models.events!.map((e) => [e.event_id, e.customer_id]));
    expect(byId).to.deep.equal({ E1: 'cus_1', E2: 'cus_1', E3: 'cus_1', E4: 'cus_dev2' });
  });

  it('counts orders and the span of activity per customer', () => {
    expect([customer('cus_1').order_count, customer('cus_1').net_revenue_eur, customer('cus_1').last_order_date]).to.deep.equal([1, 10, '2024-06-01']);
    expect(customer('cus_1').first_seen_at).to.deep.equal(at('2023-01-01'));
    expect(customer('cus_1').last_seen_at).to.deep.equal(at('2024-06-01'));
    expect(customer('cus_1').sources_seen).to.deep.equal(['app_events', 'crm_contacts', 'loyalty_members', 'shop_orders']);
  });
});
