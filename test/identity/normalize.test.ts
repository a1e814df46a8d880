import { expect } from 'chai';
import type { DuckDBConnection } from '@duckdb/node-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generate } from '../../pipelines/sample-data.js';
import { emailKeySql, nameKey, nameKeySql, normalizeEmail, normalizePhone, phoneKeySql } from '../../src/identity/normalize/index.js';
import { duckdbFunctions as f } from '../../src/identity/sql/functions.js';
import { openDuckDB } from './helpers.js';

describe('match-key normalization', () => {
  describe('TypeScript specification', () => {
    it('normalizes emails and rejects non-addresses', () => {
      expect(normalizeEmail('  Jan.Jansen@Gmail.COM ')).to.equal('jan.jansen@gmail.com');
      for (const junk of ['n/a', '', '-', 'jan@localhost', 'a b@x.nl', null]) expect(normalizeEmail(junk), String(junk)).to.equal(null);
    });

    it('applies Gmail dot and plus rules only when asked', () => {
      expect(normalizeEmail('J.Jansen+shop@googlemail.com')).to.equal('j.jansen+shop@googlemail.com');
      expect(normalizeEmail('J.Jansen+shop@googlemail.com', { gmail: true })).to.equal('jjansen@gmail.com');
      expect(normalizeEmail('j.jansen+shop@ziggo.nl', { gmail: true })).to.equal('j.jansen+shop@ziggo.nl');
    });

    it('turns every national and international phone format into E.164', () => {
      const same = ['0612345670', '06-12345670', '06 12 34 56 70', '+31612345670', '+31 6 123 45 670', '0031612345670', '+31 (0)6 12345670', '(06) 12345670', '612345670'];
      for (const raw of same) expect(normalizePhone(raw, 'NL'), raw).to.equal('+31612345670');
      expect(normalizePhone('0470 12 34 56', 'BE')).to.equal('+32470123456');
      expect(normalizePhone('0470 12 34 56', null)).to.equal('+31470123456');
      expect(normalizePhone('+32 470 12 34 56', 'NL')).to.equal('+32470123456');
      expect(normalizePhone('0171 2345678', 'de')).to.equal('+491712345678');
    });

    it('rejects junk phones', () => {
      for (const junk of ['0000000000', 'n/a', '-', '123456', '', null]) expect(normalizePhone(junk, 'NL'), String(junk)).to.equal(null);
    });

    it('builds name keys with the first name and a compact postcode', () => {
      expect(nameKey(' Jan', 'de Vries ', '1012 ab')).to.equal('jan|de vries|1012AB');
      expect(nameKey('Jan', null, '1012AB')).to.equal(null);
      expect(nameKey('Jan', 'Vries', ' ')).to.equal(null);
    });
  });

  describe('SQL agrees with the specification on DuckDB', function () {
    this.timeout(60_000);
    let con: DuckDBConnection;
    let close: () => void;
    let dir: string;
    before(async () => {
      ({ con, close } = await openDuckDB());
      dir = mkdtempSync(path.join(tmpdir(), 'sluice-norm-'));
      generate(dir, { seed: 3, scale: 1 });
      const read = (source: string) => `read_csv('${path.join(dir, `${source}.csv`)}', header = true, all_varchar = true)`;
      await con.run(`CREATE TABLE people AS
        SELECT email, phone, country, first_name, last_name, postcode FROM ${read('crm_contacts')}
        UNION ALL SELECT email, phone, country, first_name, last_name, postcode FROM ${read('shop_orders')}
        UNION ALL SELECT email, phone, country, first_name, last_name, postcode FROM ${read('loyalty_members')}
        UNION ALL SELECT * FROM (VALUES
          (' J.Jansen+x@GoogleMail.com', '+31 (0)6 1234 5670', 'BE', ' Jan', 'de Vries ', '1012 ab'),
          ('n/a', '0000000000', NULL, NULL, 'x', 'y'), (NULL, NULL, 'xx', '', '', ''),
          ('a b@x.nl', '00000', 'de', 'Ö', 'Ü', '-'), ('x@y.z', '612345670', 'nl', 'a', 'b', 'c'))`);
    });
    after(() => {
      close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('for every email, phone and name in the sample data', async () => {
      const rows = (
        await con.runAndReadAll(`SELECT email, phone, country, first_name, last_name, postcode,
          ${emailKeySql(f, 'email')}, ${emailKeySql(f, 'email', { gmail: true })},
          ${phoneKeySql(f, 'phone', 'country')}, ${phoneKeySql(f, 'phone', null, 'BE')},
          ${nameKeySql(f, 'first_name', 'last_name', 'postcode')} FROM people`)
      ).getRows() as (string | null)[][];
      expect(rows.length).to.be.above(500);
      let phones = 0;
      for (const [email, phone, country, first, last, postcode, e, g, p, pBe, n] of rows) {
        const context = JSON.stringify({ email, phone, country, first, last, postcode });
        expect(e, context).to.equal(normalizeEmail(email ?? null));
        expect(g, context).to.equal(normalizeEmail(email ?? null, { gmail: true }));
        expect(p, context).to.equal(normalizePhone(phone ?? null, country ?? null));
        expect(pBe, context).to.equal(normalizePhone(phone ?? null, null, 'BE'));
        expect(n, context).to.equal(nameKey(first ?? null, last ?? null, postcode ?? null));
        if (p !== null) phones++;
      }
      expect(phones).to.be.above(100);
    });
  });
});
