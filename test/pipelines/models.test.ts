/**
 * The master models (transactions, events, customers) on the generated sample: built with
 * the DuckDB runner as `sluice run` does, every error-severity expectation passing, the
 * DirectRunner agreeing row for row, and the modelling rules checked on the data.
 */
import { expect } from 'chai';
import path from 'node:path';
import type { CompiledProject } from '../../src/compiler/artifact/types.js';
import { runDirect } from '../../src/runners/direct/index.js';
import { show, sortRows } from '../e2e/support/rows.js';
import { SESSION_GAP_SECONDS } from '../../pipelines/events.js';
import { buildOnDuckDb, compileMaster, masterPipelines, tempDir, writeSample, type Build, type Row } from './models-support.js';

const MASTER = ['transactions', 'events', 'customers'] as const;

describe('master models on the generated sample', function () {
  this.timeout(120_000);
  let compiled: CompiledProject;
  let duck: Build;
  let direct: Record<string, Row[]>;
  let cleanup: () => Promise<void>;

  before(async () => {
    const tmp = await tempDir('sluice-models-');
    cleanup = tmp.remove;
    const data = path.join(tmp.dir, 'data');
    writeSample(data);
    compiled = compileMaster();
    duck = await buildOnDuckDb(compiled, data, path.join(tmp.dir, 'local.duckdb'));
    direct = { ...runDirect(masterPipelines, { sources: duck.sources }).models };
  });
  after(() => cleanup?.());

  const rows = (model: string) => duck.models[model] ?? [];
  const source = (name: string) => duck.sources[name] ?? [];

  it('compiles each master model to a table with expectations', () => {
    for (const name of MASTER) {
      const model = compiled.models.find((m) => m.name === name);
      expect(model, name).to.not.equal(undefined);
      expect(model!.materialize, name).to.equal('table');
      expect(model!.expectations.length, name).to.be.greaterThan(1);
    }
  });

  it('builds on DuckDB with every error-severity expectation passing', () => {
    const failed = duck.summary.expectations.filter((e) => e.status === 'fail');
    expect(failed.map((e) => `${e.name}: ${e.failures} rows, e.g. ${JSON.stringify(e.samples[0])}`)).to.deep.equal([]);
    expect(duck.summary.ok).to.equal(true);
    const checked = duck.summary.expectations.filter((e) => MASTER.includes(e.model as (typeof MASTER)[number]));
    expect(checked.length).to.be.greaterThanOrEqual(15);
    for (const name of MASTER) expect(rows(name).length, name).to.be.greaterThan(100);
  });

  for (const name of MASTER) {
    it(`the DirectRunner gives the same ${name} rows as DuckDB`, () => {
      const want = sortRows(rows(name));
      const got = sortRows(direct[name] ?? []);
      expect(got.length, `${name} row count`).to.equal(want.length);
      const firstDiff = got.findIndex((r, i) => JSON.stringify(r) !== JSON.stringify(want[i]));
      expect(got, firstDiff < 0 ? name : `${name}, first difference:\n  direct ${show([got[firstDiff]!])}\n  duckdb ${show([want[firstDiff]!])}`).to.deep.equal(want);
    });
  }

  describe('transactions', () => {
    it('has one row per completed order, web return and store receipt; cancelled orders are no transactions', () => {
      const completed = source('shop_orders').filter((o) => o.status === 'completed').length;
      expect(source('shop_orders').length).to.be.greaterThan(completed);
      expect(rows('transactions').length).to.equal(completed + source('shop_returns').length + source('pos_receipts').length);
    });

    it('signs amounts: sales positive, returns negative, so sum(amount) is net revenue', () => {
      const sales = rows('transactions').filter((t) => t.kind === 'sale');
      const returns = rows('transactions').filter((t) => t.kind === 'return');
      expect(sales.every((t) => (t.amount as number) >= 0)).to.equal(true);
      expect(returns.length).to.be.greaterThan(10);
      expect(returns.every((t) => (t.amount as number) <= 0)).to.equal(true);
      const refund = source('shop_returns')[0]!;
      expect(rows('transactions').find((t) => t.transaction_id === refund.return_id)!.amount).to.equal(-(refund.refund_amount as number));
    });

    it("gives a web return its original order and the order's customer", () => {
      const byId = new Map(rows('transactions').map((t) => [t.transaction_id, t]));
      const webReturns = rows('transactions').filter((t) => t.kind === 'return' && t.channel === 'web');
      expect(webReturns.length).to.equal(source('shop_returns').length);
      for (const r of webReturns) {
        const order = byId.get(r.original_transaction_id);
        expect(order, `original of ${String(r.transaction_id)}`).to.not.equal(undefined);
        expect(r.customer_id).to.equal(order!.customer_id);
      }
    });

    it('names the customer of a receipt only when a loyalty card was scanned', () => {
      const card = new Map(source('pos_receipts').map((r) => [r.receipt_id, r.loyalty_card_id]));
      const store = rows('transactions').filter((t) => t.channel === 'store');
      expect(store.filter((t) => card.get(t.transaction_id) === null).every((t) => t.customer_id === null)).to.equal(true);
      expect(store.filter((t) => card.get(t.transaction_id) !== null).every((t) => t.customer_id !== null)).to.equal(true);
      expect(store.some((t) => t.customer_id === null) && store.some((t) => t.customer_id !== null)).to.equal(true);
    });
  });

  describe('events', () => {
    it('gives anonymous events of a device the customer of its latest login', () => {
      const events = rows('events');
      const loginsByDevice = new Map<unknown, Row[]>();
      for (const e of events.filter((e) => e.logged_in)) loginsByDevice.set(e.device_id, [...(loginsByDevice.get(e.device_id) ?? []), e]);
      const anonymousOnLoginDevices = events.filter((e) => !e.logged_in && loginsByDevice.has(e.device_id));
      expect(anonymousOnLoginDevices.length).to.be.greaterThan(10);
      for (const e of anonymousOnLoginDevices) {
        const latest = loginsByDevice.get(e.device_id)!.sort((a, b) => (b.event_at as Date).getTime() - (a.event_at as Date).getTime() || String(b.event_id).localeCompare(String(a.event_id)))[0]!;
        expect(e.customer_id, String(e.event_id)).to.equal(latest.customer_id);
      }
    });

    it('sessionizes per device: a new session after a gap of more than 30 minutes, indexes from 0', () => {
      const byDevice = new Map<unknown, Row[]>();
      for (const e of rows('events')) byDevice.set(e.device_id, [...(byDevice.get(e.device_id) ?? []), e]);
      let sessions = 0;
      for (const list of byDevice.values()) {
        list.sort((a, b) => (a.event_at as Date).getTime() - (b.event_at as Date).getTime() || (a.session_index as number) - (b.session_index as number));
        list.forEach((e, i) => {
          const gap = i === 0 ? Infinity : ((e.event_at as Date).getTime() - (list[i - 1]!.event_at as Date).getTime()) / 1000;
          expect(e.session_index === 0, `${String(e.event_id)} starts a session`).to.equal(gap > SESSION_GAP_SECONDS);
          if (e.session_index === 0) sessions++;
          expect((e.session_start as Date).getTime()).to.be.at.most((e.event_at as Date).getTime());
        });
      }
      expect(new Set(rows('events').map((e) => e.session_id)).size).to.equal(sessions);
    });
  });

  describe('customers', () => {
    it('has one row per customer id of identity_records', () => {
      const ids = new Set(rows('identity_records').map((r) => r.customer_id));
      expect(rows('customers').map((c) => c.customer_id).sort()).to.deep.equal([...ids].sort());
    });

    it('adds up order count and net revenue from transactions', () => {
      const orders = new Map<unknown, number>();
      const revenue = new Map<unknown, number>();
      for (const t of rows('transactions').filter((t) => t.customer_id !== null)) {
        if (t.kind === 'sale') orders.set(t.customer_id, (orders.get(t.customer_id) ?? 0) + 1);
        revenue.set(t.customer_id, (revenue.get(t.customer_id) ?? 0) + (t.amount_eur as number));
      }
      for (const c of rows('customers')) {
        expect(c.order_count, String(c.customer_id)).to.equal(orders.get(c.customer_id) ?? 0);
        expect(c.net_revenue_eur as number, String(c.customer_id)).to.be.closeTo(revenue.get(c.customer_id) ?? 0, 0.005);
      }
      expect([...orders.values()].reduce((a, b) => a + b, 0)).to.be.greaterThan(300);
    });

    it('takes the golden email from the CRM over the web shop', () => {
      // A customer with both a CRM contact and orders whose cleaned emails differ.
      const records = rows('identity_records');
      const crmEmail = new Map(source('crm_contacts').map((c) => [c.contact_id, (c.email as string | null)?.trim().toLowerCase()]));
      const customersWithCrm = new Map(records.filter((r) => r.source === 'crm_contacts').map((r) => [r.customer_id, crmEmail.get(r.record_id)]));
      const golden = new Map(rows('customers').map((c) => [c.customer_id, c.email]));
      const contested = records.filter((r) => r.source === 'shop_orders' && customersWithCrm.get(r.customer_id));
      expect(contested.length).to.be.greaterThan(10);
      const fromCrm = [...new Set(contested.map((r) => r.customer_id))].filter((id) => {
        const crm = source('crm_contacts').filter((c) => records.some((r) => r.source === 'crm_contacts' && r.record_id === c.contact_id && r.customer_id === id));
        return crm.some((c) => (c.email as string | null)?.trim().toLowerCase() === golden.get(id));
      });
      expect(fromCrm.length / new Set(contested.map((r) => r.customer_id)).size).to.be.greaterThan(0.9);
    });
  });
});
