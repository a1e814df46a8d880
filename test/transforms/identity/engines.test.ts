/**
 * resolveIdentities on DuckDB (as `sluice run` builds it) and on ZetaSQL's reference
 * implementation of BigQuery (the BigQuery programs and DDL, run by runModelsOnZetaSql): the
 * two engines must give the same clusters, customer ids, registry and aliases, row for row.
 * Scenarios are those of resolve.test.ts plus a seeded random one; each later run reads the
 * registry of the run before it (DuckDB from its database, ZetaSQL from its own last result).
 */
import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compile } from '../../../src/compiler/index.js';
import { resolvePeople } from '../../fixtures/identity/people.js';
import { runModelsOnZetaSql, zetaSqlTableNames } from '../../../src/validate/zetasql/program-models.js';
import { getSharedZetaSql } from '../../../src/validate/zetasql/shared.js';
import { buildOnDuckDb, type Row } from '../../pipelines/models-support.js';

/** The models both engines must agree on, row for row. */
const COMPARED = ['identity_records', 'customer_registry', 'customer_id_aliases', 'identity_components', 'identity_edges', 'identity_blocked_keys'];

type Person = { id: string; email: string | null; phone: string | null; country: string | null; at: Date };
const day = (d: number) => new Date(Date.UTC(2024, 0, d));
const person = (id: string, email: string | null, phone: string | null, d: number, country: string | null = null): Person => ({ id, email, phone, country, at: day(d) });

const quoteCsv = (v: string) => `"${v.replaceAll('"', '""')}"`;
const csv = (rows: readonly Person[]) =>
  ['id,email,phone,country,at', ...rows.map((r) => [r.id, r.email ?? '', r.phone ?? '', r.country ?? '', r.at.toISOString()].map(quoteCsv).join(','))].join('\n');

/** Rows as comparable text, sorted: equal lists are equal multisets of rows. */
const multiset = (rows: readonly Row[]) =>
  rows.map((r) => JSON.stringify(Object.keys(r).sort().map((k) => [k, r[k] instanceof Date ? (r[k] as Date).toISOString() : r[k]]))).sort();

describe('resolveIdentities on DuckDB and on ZetaSQL (BigQuery semantics)', function () {
  this.timeout(60_000);
  const compiled = compile([resolvePeople], { root: process.cwd(), names: { bigquery: zetaSqlTableNames } });
  const work = mkdtempSync(path.join(os.tmpdir(), 'sluice-ide-'));
  after(() => rmSync(work, { recursive: true, force: true }));

  /** Runs `runs` in sequence on both engines, checking every run; returns ZetaSQL's results. */
  async function onBothEngines(name: string, runs: readonly (readonly Person[])[]): Promise<Record<string, Row[]>[]> {
    const dir = path.join(work, name);
    const db = path.join(dir, 'db.duckdb');
    const zeta = await getSharedZetaSql();
    const results: Record<string, Row[]>[] = [];
    let previous: Row[] = [];
    for (const [i, rows] of runs.entries()) {
      const data = path.join(dir, `data${i}`);
      mkdirSync(data, { recursive: true });
      writeFileSync(path.join(data, 'idt_people.csv'), csv(rows));
      const duck = await buildOnDuckDb(compiled, data, db);
      expect(duck.summary.ok, `DuckDB run ${i + 1}`).to.equal(true);
      // ZetaSQL reads the sources as DuckDB loaded them, so both start from the same values.
      const out = await runModelsOnZetaSql(zeta, compiled, { sources: duck.sources, previous: { customer_registry: previous } });
      for (const model of COMPARED) {
        expect(multiset(out[model]!.rows), `${model}, run ${i + 1}`).to.deep.equal(multiset(duck.models[model]!));
      }
      previous = out.customer_registry!.rows;
      results.push(Object.fromEntries(Object.entries(out).map(([m, r]) => [m, r.rows])));
    }
    return results;
  }

  it('agrees on normalization variants that merge (emails, national and international phones)', async () => {
    const [r] = await onBothEngines('variants', [[
      person('a1', ' Anna@Example.COM', null, 1),
      person('a2', 'anna@example.com  ', '06-12345679', 2),
      person('a3', null, '+31 (0)6 1234 5679', 3),
      person('a4', null, '0031612345679', 4),
      person('a5', null, '612345679', 5, 'NL'),
      person('b1', 'bob@example.com', '+32 470 12 34 56', 6),
    ]]);
    // The scenario must exercise what it claims: five records merged into one customer.
    expect(new Set(r!.identity_records!.filter((x) => String(x.record_id).startsWith('a')).map((x) => x.customer_id)).size).to.equal(1);
  });

  it('agrees on a blocked value and a key above its degree cap', async () => {
    const [r] = await onBothEngines('junk', [[
      person('x1', 'test@test.com', null, 1),
      person('x2', 'TEST@test.com ', null, 2),
      ...['y@', 'z@', 'w@', 'v@', 'u@', 't@'].map((e, i) => person(`y${i}`, `${e}example.com`, ['0201111111', '020-1111111', '+31201111111'][i % 3]!, 3 + i)),
    ]]);
    expect(r!.identity_blocked_keys!.map((b) => b.reason).sort()).to.deep.equal(['blocked_value', 'degree_cap']);
  });

  it('agrees on a merge (oldest id kept, alias recorded) and a later split (anchor keeps its id)', async () => {
    const before = [person('old', 'old@x.nl', null, 1), person('young', 'young@x.nl', '0201234567', 5)];
    const bridge = person('bridge', 'OLD@x.nl', '020 123 4567', 9);
    const [, merged, split] = await onBothEngines('merge-split', [before, [...before, bridge], before]);
    expect(merged!.customer_id_aliases!.map((a) => [a.alias_id, a.customer_id])).to.deep.equal([['cus_people:young', 'cus_people:old']]);
    expect(new Set(split!.identity_records!.map((x) => x.customer_id))).to.have.length(2);
  });

  it('agrees when aliases are re-pointed after the survivor merges again', async () => {
    const a = person('a', 'a@x.nl', null, 1);
    const b = person('b', 'b@x.nl', '0201000001', 2);
    const c = person('c', 'c@x.nl', '0201000002', 3);
    const bc = person('bc', 'c@x.nl', '0201000001', 4);
    const ab = person('ab', 'a@x.nl', '0201000001', 5);
    const [, , three] = await onBothEngines('repoint', [[a, b, c], [a, b, c, bc], [a, b, c, bc, ab]]);
    expect(three!.customer_id_aliases!).to.have.length(2);
  });

  it('agrees on a seeded random population over two runs (growth, merges, lost links)', async () => {
    const { first, second } = randomRuns(20240601);
    const [one, two] = await onBothEngines('random', [first, second]);
    // Non-trivial: clusters of several records, and the second run changes the registry.
    const sizes = new Map<unknown, number>();
    for (const x of two!.identity_records!) sizes.set(x.customer_id, (sizes.get(x.customer_id) ?? 0) + 1);
    expect(Math.max(...sizes.values())).to.be.at.least(3);
    expect(multiset(two!.customer_registry!)).to.not.deep.equal(multiset(one!.customer_registry!));
  });
});

/** A small deterministic PRNG (mulberry32), so the random scenario is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 12 people, each with an email and a phone written in several ways, plus a shared hub phone
 * (degree-capped) and the blocked email: 40 records. The second run adds 12 records and drops
 * the phone of a few first-run ones.
 */
function randomRuns(seed: number): { first: Person[]; second: Person[] } {
  const random = prng(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const emailOf = (p: number) => pick([`p${p}@mail.nl`, ` P${p}@Mail.NL`, `p${p}@mail.nl `]);
  const phoneOf = (p: number) => {
    const digits = `6${String(10000000 + p * 7919).slice(-8)}`;
    return pick([`0${digits}`, `+31 ${digits}`, `0031${digits}`, `0${digits.slice(0, 1)}-${digits.slice(1)}`]);
  };
  const record = (i: number): Person => {
    const p = Math.floor(random() * 12);
    const roll = random();
    const email = roll < 0.1 ? 'test@test.com' : roll < 0.55 ? emailOf(p) : null;
    const phone = roll > 0.9 ? '0201111111' : roll > 0.4 ? phoneOf(p) : null;
    return person(`r${i}`, email, phone, 1 + Math.floor(random() * 28));
  };
  const all = Array.from({ length: 52 }, (_, i) => record(i));
  const first = all.slice(0, 40);
  const second = all.map((r, i) => (i < 40 && i % 9 === 0 ? { ...r, phone: null } : r));
  return { first, second };
}
