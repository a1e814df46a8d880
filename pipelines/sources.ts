/**
 * The raw tables of the customer data model: five source systems, six tables.
 *
 * Columns are typed as the systems export them, mess included: identifiers are free text
 * (emails in any case with stray spaces, phones in national and international formats),
 * so every identity key is normalized downstream (src/identity/normalize), never here.
 * Locally each source is a CSV file named after it (see pipelines/sample-data.ts).
 */
import { source, t } from '#sluice';

/** CRM: one row per contact version; a contact changes its email or phone over time. */
export const crmContacts = source(
  'crm_contacts',
  {
    contact_id: t.string().describe('CRM contact key; stable across versions of the same contact'),
    version: t.int64().describe('Version number of the contact, 1 for the first row'),
    email: t.string().nullable().describe('Email as typed by the agent or customer; not normalized'),
    phone: t.string().nullable().describe('Phone number in any national or international format'),
    first_name: t.string().nullable().describe('Given name'),
    last_name: t.string().nullable().describe('Family name'),
    postcode: t.string().nullable().describe('Postal code, formatted per country (e.g. "1012 AB" in NL)'),
    country: t.string().nullable().describe('ISO 3166-1 alpha-2 country code of the address'),
    marketing_opt_in: t.bool().describe('Whether the contact consented to marketing email'),
    created_at: t.timestamp().describe('When the contact was first created in the CRM'),
    updated_at: t.timestamp().describe('When this version of the contact was written'),
  },
  { description: 'CRM export, one row per contact version (contact_id, version)' },
);

/** Web shop orders; guest checkouts have no account. */
export const shopOrders = source(
  'shop_orders',
  {
    order_id: t.string().describe('Web shop order number'),
    account_id: t.string().nullable().describe('Shop account of the buyer; NULL for guest checkout'),
    email: t.string().nullable().describe('Email given at checkout; not normalized'),
    phone: t.string().nullable().describe('Phone given at checkout, any format'),
    first_name: t.string().nullable().describe('Billing given name'),
    last_name: t.string().nullable().describe('Billing family name'),
    postcode: t.string().nullable().describe('Billing postal code'),
    country: t.string().nullable().describe('Billing country, ISO 3166-1 alpha-2'),
    ordered_at: t.timestamp().describe('When the order was placed'),
    status: t.string().describe('Order status: completed, cancelled'),
    currency: t.string().describe('ISO 4217 currency of the amounts'),
    item_count: t.int64().describe('Number of items in the order'),
    total_amount: t.numeric().describe('Order total including shipping and VAT, in `currency`'),
    shipping_amount: t.numeric().describe('Shipping fee included in total_amount'),
  },
  { description: 'Web shop orders, one row per order' },
);

/** Web shop returns and refunds; each references the original order. */
export const shopReturns = source(
  'shop_returns',
  {
    return_id: t.string().describe('Return or refund number'),
    order_id: t.string().describe('The original order (shop_orders.order_id)'),
    kind: t.string().describe('return: goods sent back; refund: money back without goods (goodwill, lost parcel)'),
    returned_at: t.timestamp().describe('When the return or refund was booked'),
    currency: t.string().describe('ISO 4217 currency of refund_amount (the currency of the order)'),
    item_count: t.int64().describe('Items sent back; 0 for a refund'),
    refund_amount: t.numeric().describe('Amount paid back, positive, in `currency`'),
    reason: t.string().nullable().describe('Free-text reason code given by the customer or agent'),
  },
  { description: 'Web shop returns and refunds, one row per return' },
);

/** Store point-of-sale receipts; most are anonymous, some carry a loyalty card. */
export const posReceipts = source(
  'pos_receipts',
  {
    receipt_id: t.string().describe('Receipt number, unique across stores'),
    store_id: t.string().describe('Store code'),
    loyalty_card_id: t.string().nullable().describe('Loyalty card scanned at the till; NULL for anonymous purchases'),
    purchased_at: t.timestamp().describe('Till timestamp (store local time, stored as UTC)'),
    currency: t.string().describe('ISO 4217 currency of total_amount'),
    item_count: t.int64().describe('Number of items; negative for a return at the till'),
    total_amount: t.numeric().describe('Receipt total in `currency`; negative for a return at the till'),
    payment_method: t.string().describe('card, cash or mobile'),
  },
  { description: 'Store point-of-sale receipts, one row per receipt' },
);

/** Loyalty programme members. */
export const loyaltyMembers = source(
  'loyalty_members',
  {
    loyalty_id: t.string().describe('Loyalty card number printed on the card'),
    email: t.string().nullable().describe('Email given at enrolment; not normalized'),
    phone: t.string().nullable().describe('Phone given at enrolment, any format'),
    first_name: t.string().nullable().describe('Given name'),
    last_name: t.string().nullable().describe('Family name'),
    postcode: t.string().nullable().describe('Postal code'),
    country: t.string().nullable().describe('ISO 3166-1 alpha-2 country code'),
    tier: t.string().describe('Programme tier: basic, silver, gold'),
    enrolled_at: t.timestamp().describe('When the member enrolled'),
  },
  { description: 'Loyalty programme members, one row per card' },
);

/** App and web analytics events; the email is known only while the user is logged in. */
export const appEvents = source(
  'app_events',
  {
    event_id: t.string().describe('Unique event id assigned by the tracker'),
    device_id: t.string().describe('Anonymous device or browser id (first-party cookie / install id)'),
    email: t.string().nullable().describe('Email of the logged-in user; NULL before login'),
    platform: t.string().describe('ios, android or web'),
    event_name: t.string().describe('session_start, page_view, product_view, add_to_cart, login, purchase, ...'),
    event_at: t.timestamp().describe('Client timestamp of the event'),
    properties: t.string().nullable().describe('Event properties as JSON object text, e.g. {"sku":"A-102"}'),
  },
  { description: 'App and web analytics events, one row per event' },
);

/** Every source of the customer data model, in load order. */
export const allSources = [crmContacts, shopOrders, shopReturns, posReceipts, loyaltyMembers, appEvents] as const;
