import { source, t } from '../../../src/sdk/index.js';

/** Orders from the web shop: one row per order. */
export const webOrders = source(
  'web_orders',
  {
    order_id: t.string().describe('Shop order number'),
    customer_email: t.string().nullable().describe('Email typed at checkout, as entered'),
    amount_cents: t.int64().describe('Order total in cents, tax included'),
    currency: t.string().describe('ISO 4217 currency code'),
    status: t.string().describe('placed, shipped or cancelled'),
    items: t.array(t.string()).describe('SKUs in the order'),
    ordered_at: t.timestamp().describe('When the order was placed (UTC)'),
  },
  { description: 'Web shop orders export, one row per order' },
);

/** Customers registered in the stores' CRM. */
export const storeCustomers = source(
  'store_customers',
  {
    customer_id: t.string().describe('CRM customer number'),
    email: t.string().nullable().describe('Email on file, as entered'),
    full_name: t.string().describe('Name as registered'),
    country: t.string().nullable().describe('ISO country code'),
    signup_date: t.date().describe('Day the customer registered'),
  },
  { description: 'Store CRM customers, one row per customer record (duplicates possible)' },
);
