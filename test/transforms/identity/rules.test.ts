/**
 * resolveIdentities' over-merge rules on hand-written rows, on the DirectRunner and on DuckDB:
 * co-occurrence evidence for the key judge (a device seen with two emails, a phone given
 * with two first names) and identifier limits resolved by key priority with one retry.
 */
import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runDirect } from '../../../src/runners/direct/index.js';
import { pipeline, source, t, type Group } from '../../../src/sdk/index.js';
import { emailKey, firstNameOfNameKey, idKey, nameKey, phoneKey, resolveIdentities, type KeyCandidate, type KeyCompanion } from '../../../src/transforms/identity/index.js';
import { build, query, type Row } from './support.js';

const rows = source('idr_rows', {
  id: t.string(),
  first: t.string().nullable(),
  email: t.string().nullable(),
  phone: t.string().nullable(),
  device: t.string().nullable(),
  account: t.string().nullable(),
  at: t.timestamp(),
});

const evidence = (g: Group<KeyCompanion>) => ({
  emails: g.countDistinct((c) => (c.other_type === 'email' ? c.other_value : null)),
  first_names: g.countDistinct((c) => (c.other_type === 'name' ? firstNameOfNameKey(c.other_value) : null)),
});

function sharedKey(k: KeyCandidate & ReturnType<typeof evidence>): string | null {
  if (k.key_type === 'device' && k.emails > 1) return 'shared_device';
  if (k.key_type === 'phone' && k.first_names > 1) return 'shared_phone';
  return null;
}

function rank(keyType: string): number {
  if (keyType === 'account') return 4;
  if (keyType === 'email') return 3;
  if (keyType === 'name') return 2;
  return 1;
}

const resolve = pipeline('idr', (p) =>
  resolveIdentities(p, {
    records: [
      p.read(rows).map((r) => ({
        source: 'rows', record_id: r.id, seen_at: r.at,
        keys: [emailKey(r.email), phoneKey(r.phone, 'NL'), nameKey(r.first, 'jansen', '1011AB'), idKey('device', r.device), idKey('account', r.account)],
      })),
    ],
    keyEvidence: evidence,
    judgeKeys: (keys) => keys.map((k) => ({ ...k, drop_reason: sharedKey(k) })),
    limits: (types) => types.map((k) => ({ key_type: k.key_type, max_keys: k.key_type === 'account' ? 1 : null, priority: rank(k.key_type) })),
  }),
);

type In = { id: string; first: string | null; email: string | null; phone: string | null; device: string | null; account: string | null; at: Date };
const row = (id: string, keys: Partial<Omit<In, 'id' | 'at'>>, day: number): In => ({
  id, first: null, email: null, phone: null, device: null, account: null, ...keys, at: new Date(Date.UTC(2024, 0, day)),
});

interface Result {
  /** Groups of record ids that share a customer, sorted. */
  readonly customers: string[][];
  /** `key_type:key_value reason`, sorted. */
  readonly blocked: string[];
}

const groups = (pairs: Row[]) => {
  const byCustomer = new Map<string, string[]>();
  for (const r of pairs) byCustomer.set(String(r.customer_id), [...(byCustomer.get(String(r.customer_id)) ?? []), String(r.record_id)]);
  return [...byCustomer.values()].map((g) => g.sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
};
const audit = (blocked: Row[]) => blocked.map((b) => `${b.key_type}:${b.key_value} ${b.reason}`).sort();

/** Runs on both engines, checks they agree, and returns the result. */
async function onBothEngines(input: In[]): Promise<Result> {
  const out = runDirect([resolve], { sources: { idr_rows: input }, previous: { customer_registry: [] } }).models;
  const direct: Result = { customers: groups(out.identity_records!), blocked: audit(out.identity_blocked_keys!) };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sluice-idr-'));
  try {
    mkdirSync(path.join(dir, 'data'));
    const cell = (v: string | Date | null) => `"${v instanceof Date ? v.toISOString() : (v ?? '')}"`;
    const csv = ['id,first,email,phone,device,account,at', ...input.map((r) => [r.id, r.first, r.email, r.phone, r.device, r.account, r.at].map(cell).join(','))];
    writeFileSync(path.join(dir, 'data', 'idr_rows.csv'), csv.join('\n'));
    const db = path.join(dir, 'db.duckdb');
    await build(resolve, db, path.join(dir, 'data'));
    const duck: Result = {
      customers: groups(await query(db, 'SELECT record_id, customer_id FROM main.identity_records')),
      blocked: audit(await query(db, 'SELECT key_type, key_value, reason FROM main.identity_blocked_keys')),
    };
    expect(duck, 'DuckDB agrees with the DirectRunner').to.deep.equal(direct);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return direct;
}

describe('resolveIdentities over-merge rules', function () {
  this.timeout(120_000);

  it('drops a device seen with two emails (audited) and keeps a device seen with one', async () => {
    const r = await onBothEngines([
      row('anna_login', { email: 'anna@x.nl', device: 'tablet' }, 1),
      row('anna_browse', { device: 'tablet' }, 2),
      row('bert_login', { email: 'bert@x.nl', device: 'tablet' }, 3),
      row('bert_order', { email: 'bert@x.nl' }, 4),
      row('cleo_login', { email: 'cleo@x.nl', device: 'phone-c' }, 5),
      row('cleo_browse', { device: 'phone-c' }, 6),
    ]);
    expect(r.blocked).to.deep.equal(['device:tablet shared_device']);
    expect(r.customers).to.deep.equal([['anna_browse'], ['anna_login'], ['bert_login', 'bert_order'], ['cleo_browse', 'cleo_login']]);
  });

  it('drops a phone given with two first names, not one given twice with the same first name', async () => {
    const r = await onBothEngines([
      row('anna', { first: 'Anna', email: 'anna@x.nl', phone: '0201234567' }, 1),
      row('bert', { first: 'Bert', email: 'bert@x.nl', phone: '020-123 4567' }, 2),
      row('cleo1', { first: 'Cleo', email: 'cleo@x.nl', phone: '0612345670' }, 3),
      row('cleo2', { first: ' cleo', phone: '+31 6 1234 5670' }, 4),
    ]);
    expect(r.blocked).to.deep.equal(['phone:+31201234567 shared_phone']);
    expect(r.customers).to.deep.equal([['anna'], ['bert'], ['cleo1', 'cleo2']]);
  });

  it('splits a customer over its account limit by dropping the lower-priority bridge, audited with reason limit', async () => {
    // Two account holders whose records meet only through a device neither rule catches
    // (one email seen on it): the device reaches both accounts through the emails.
    const r = await onBothEngines([
      row('anna_order', { email: 'anna@x.nl', account: 'A1' }, 1),
      row('anna_app', { email: 'anna@x.nl', device: 'family' }, 2),
      row('bert_browse', { device: 'family' }, 3),
      row('bert_order', { email: 'bert@x.nl', account: 'A2' }, 4),
      row('bert_order2', { account: 'A2', device: 'family' }, 5),
      row('cleo_order', { email: 'cleo@x.nl', account: 'C1', device: 'own' }, 6),
      row('cleo_app', { device: 'own' }, 7),
    ]);
    expect(r.blocked).to.deep.equal(['device:family limit']);
    expect(r.customers).to.deep.equal([['anna_app', 'anna_order'], ['bert_browse'], ['bert_order', 'bert_order2'], ['cleo_app', 'cleo_order']]);
  });

  it('blames the bridge itself, not a key that only sits next to it', async () => {
    // Two namesakes at one address: the name key bridges two accounts; Anna's phone sits on
    // a record with that name key but reaches only her own account, so it stays.
    const r = await onBothEngines([
      row('anna_crm', { first: 'Anna', phone: '0612345671' }, 1),
      row('anna_order', { first: 'Anna', phone: '0612345671', email: 'anna@x.nl', account: 'A1' }, 2),
      row('anna2_order', { first: 'Anna', email: 'anna2@x.nl', account: 'A2' }, 3),
    ]);
    expect(r.blocked).to.deep.equal(['name:anna|jansen|1011AB limit']);
    expect(r.customers).to.deep.equal([['anna2_order'], ['anna_crm', 'anna_order']]);
  });
});
