import { expect } from 'chai';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generate, TRUTH_FILE } from '../../pipelines/sample-data.js';
import { allSources } from '../../pipelines/sources.js';

const DUCK_TYPES: Record<string, string> = {
  STRING: 'VARCHAR', INT64: 'BIGINT', NUMERIC: 'DECIMAL(38, 9)', BOOL: 'BOOLEAN', TIMESTAMP: 'TIMESTAMP', FLOAT64: 'DOUBLE',
};

describe('sample data generator', function () {
  this.timeout(60_000);
  let dir: string;
  let db: DuckDBInstance;
  let con: DuckDBConnection;
  const scalar = async (sql: string) => Number((await con.runAndReadAll(sql)).getRows()[0]![0]);

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sluice-sample-'));
    generate(dir, { seed: 7, scale: 1 });
    db = await DuckDBInstance.create(':memory:');
    con = await db.connect();
    // Load every file with the declared column types: a value that does not parse fails here.
    for (const src of allSources) {
      const columns = src.spec.schema.map((f) => `'${f.name}': '${DUCK_TYPES[f.type.kind]}'`).join(', ');
      await con.run(
        `CREATE TABLE ${src.spec.name} AS SELECT * FROM read_csv('${path.join(dir, `${src.spec.name}.csv`)}', header = true, columns = {${columns}})`,
      );
    }
    await con.run(`CREATE TABLE truth AS SELECT * FROM read_csv('${path.join(dir, TRUTH_FILE)}', header = true, all_varchar = true)`);
  });

  after(() => {
    con.closeSync();
    db.closeSync();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('determinism', () => {
    it('writes byte-identical files for the same seed and different ones for another seed', () => {
      const again = mkdtempSync(path.join(tmpdir(), 'sluice-sample-'));
      const other = mkdtempSync(path.join(tmpdir(), 'sluice-sample-'));
      try {
        generate(again, { seed: 7, scale: 1 });
        generate(other, { seed: 8, scale: 1 });
        const files = readdirSync(dir).sort();
        expect(readdirSync(again).sort()).to.deep.equal(files);
        for (const f of files) {
          expect(readFileSync(path.join(again, f)).equals(readFileSync(path.join(dir, f))), f).to.equal(true);
        }
        expect(readFileSync(path.join(other, 'crm_contacts.csv')).equals(readFileSync(path.join(dir, 'crm_contacts.csv')))).to.equal(false);
      } finally {
        rmSync(again, { recursive: true, force: true });
        rmSync(other, { recursive: true, force: true });
      }
    });
  });

  describe('file shapes', () => {
    it('writes one file per source whose header is the declared schema, plus the truth file', () => {
      expect(readdirSync(dir).sort()).to.deep.equal([TRUTH_FILE, ...allSources.map((s) => `${s.spec.name}.csv`)].sort());
      for (const src of allSources) {
        const header = readFileSync(path.join(dir, `${src.spec.name}.csv`), 'utf8').split('\n', 1)[0];
        expect(header, src.spec.name).to.equal(src.spec.schema.map((f) => f.name).join(','));
      }
    });

    it('is small at scale 1 and grows with the scale', async () => {
      expect(await scalar('SELECT COUNT(DISTINCT person_id) FROM truth WHERE person_id LIKE \'P%\'')).to.be.within(200, 300);
      const small = mkdtempSync(path.join(tmpdir(), 'sluice-sample-'));
      try {
        const r = generate(small, { seed: 7, scale: 0.1 });
        expect(r.persons).to.equal(30);
        expect(r.rows.crm_contacts).to.be.below(await scalar('SELECT COUNT(*) FROM crm_contacts'));
      } finally {
        rmSync(small, { recursive: true, force: true });
      }
    });

    it('maps every source record to exactly one true person', async () => {
      const ids: Record<string, string> = {
        crm_contacts: 'contact_id', shop_orders: 'order_id', shop_returns: 'return_id',
        pos_receipts: 'receipt_id', loyalty_members: 'loyalty_id', app_events: 'event_id',
      };
      expect(await scalar('SELECT COUNT(*) - COUNT(DISTINCT (source, record_id)) FROM truth')).to.equal(0);
      for (const [table, id] of Object.entries(ids)) {
        const missing = await scalar(
          `SELECT COUNT(*) FROM (SELECT DISTINCT ${id} AS r FROM ${table}) s ANTI JOIN truth t ON t.source = '${table}' AND t.record_id = s.r`,
        );
        const extra = await scalar(`SELECT COUNT(*) FROM truth t WHERE source = '${table}' AND record_id NOT IN (SELECT ${id} FROM ${table})`);
        expect([missing, extra], table).to.deep.equal([0, 0]);
      }
    });

    it('references only existing orders from returns', async () => {
      expect(await scalar('SELECT COUNT(*) FROM shop_returns WHERE order_id NOT IN (SELECT order_id FROM shop_orders)')).to.equal(0);
    });
  });

  describe('mess', () => {
    const emails = `(SELECT email FROM crm_contacts UNION ALL SELECT email FROM shop_orders UNION ALL SELECT email FROM loyalty_members)`;
    const phones = `(SELECT phone FROM crm_contacts UNION ALL SELECT phone FROM shop_orders UNION ALL SELECT phone FROM loyalty_members)`;

    it('has emails in mixed case and with stray spaces', async () => {
      expect(await scalar(`SELECT COUNT(*) FROM ${emails} WHERE email <> lower(email)`)).to.be.above(0);
      expect(await scalar(`SELECT COUNT(*) FROM ${emails} WHERE email <> trim(email)`)).to.be.above(0);
    });

    it('has junk emails and junk phones', async () => {
      expect(await scalar(`SELECT COUNT(*) FROM ${emails} WHERE email IN ('test@test.com', 'n/a') OR email LIKE 'noemail@%'`)).to.be.above(0);
      expect(await scalar(`SELECT COUNT(*) FROM ${phones} WHERE phone IN ('0000000000', 'n/a', '-')`)).to.be.above(0);
    });

    it('has phones in national and international formats', async () => {
      for (const pattern of ['^\\+\\d+$', '^\\+\\d+ ', '^00\\d+$', '^0\\d+$', '^0\\d+-\\d+$', '\\(0\\)']) {
        expect(await scalar(`SELECT COUNT(*) FROM ${phones} WHERE regexp_matches(phone, '${pattern}')`), pattern).to.be.above(0);
      }
    });

    it('has people with two emails and contacts whose email changed between versions', async () => {
      const twoEmails = `SELECT COUNT(*) FROM (
        SELECT t.person_id FROM ${'shop_orders'} o JOIN truth t ON t.source = 'shop_orders' AND t.record_id = o.order_id
        WHERE o.email LIKE '%@%.%' GROUP BY t.person_id HAVING COUNT(DISTINCT lower(trim(o.email))) > 1)`;
      expect(await scalar(twoEmails)).to.be.above(0);
      const changed = `SELECT COUNT(*) FROM (SELECT contact_id FROM crm_contacts WHERE email LIKE '%@%.%'
        GROUP BY contact_id HAVING COUNT(DISTINCT lower(trim(email))) > 1)`;
      expect(await scalar(changed)).to.be.above(0);
    });

    it('has phones shared by different people (family landlines)', async () => {
      const shared = `SELECT COUNT(*) FROM (
        SELECT right(regexp_replace(c.phone, '[^0-9]', '', 'g'), 7) AS tail FROM crm_contacts c
        JOIN truth t ON t.source = 'crm_contacts' AND t.record_id = c.contact_id
        WHERE c.phone IS NOT NULL AND length(regexp_replace(c.phone, '[^0-9]', '', 'g')) >= 9 AND c.phone NOT IN ('0000000000', '0612345678')
        GROUP BY tail HAVING COUNT(DISTINCT t.person_id) > 1)`;
      expect(await scalar(shared)).to.be.above(0);
    });

    it('has anonymous receipts, walk-in strangers and till returns', async () => {
      expect(await scalar('SELECT COUNT(*) FROM pos_receipts WHERE loyalty_card_id IS NULL')).to.be.above(0);
      expect(await scalar('SELECT COUNT(*) FROM pos_receipts WHERE loyalty_card_id IS NOT NULL')).to.be.above(0);
      expect(await scalar(`SELECT COUNT(*) FROM truth WHERE source = 'pos_receipts' AND person_id LIKE 'W%'`)).to.be.above(0);
      expect(await scalar('SELECT COUNT(*) FROM pos_receipts WHERE total_amount < 0 AND item_count < 0')).to.be.above(0);
    });

    it('has anonymous app events on devices that later log in, and devices that never do', async () => {
      const laterLogin = `SELECT COUNT(*) FROM app_events a WHERE a.email IS NULL
        AND EXISTS (SELECT 1 FROM app_events b WHERE b.device_id = a.device_id AND b.email IS NOT NULL AND b.event_at > a.event_at)`;
      expect(await scalar(laterLogin)).to.be.above(0);
      expect(await scalar('SELECT COUNT(*) FROM (SELECT device_id FROM app_events GROUP BY device_id HAVING COUNT(email) = 0)')).to.be.above(0);
      expect(await scalar('SELECT COUNT(*) FROM app_events WHERE json_valid(properties) = false')).to.equal(0);
    });

    it('has returns, refunds and several currencies', async () => {
      expect(await scalar(`SELECT COUNT(DISTINCT kind) FROM shop_returns WHERE kind IN ('return', 'refund')`)).to.equal(2);
      expect(await scalar('SELECT COUNT(DISTINCT currency) FROM (SELECT currency FROM shop_orders UNION ALL SELECT currency FROM pos_receipts)')).to.be.at.least(3);
    });
  });
});
