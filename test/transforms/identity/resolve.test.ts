/**
 * resolveIdentities on hand-written rows, on the DirectRunner and on DuckDB: normalization
 * variants merge, junk does not, and ids survive merges (alias recorded) and splits (the
 * anchor keeps its id). Each scenario feeds run 1's registry to run 2 as its previous state.
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runDirect } from '../../../src/runners/direct/index.js';
import { resolvePeople } from '../../fixtures/identity/people.js';
import { build, query, type Row } from './support.js';

type Person = { id: string; email: string | null; phone: string | null; country: string | null; at: Date };
const day = (d: number) => new Date(Date.UTC(2024, 0, d));
const person = (id: string, email: string | null, phone: string | null, d: number, country: string | null = null): Person => ({ id, email, phone, country, at: day(d) });

interface Result {
  readonly ids: Map<string, string>;
  readonly registry: Row[];
  readonly aliases: Row[];
}

/** Runs on the DirectRunner with `previous` as the last registry. */
function direct(rows: Person[], previous: Row[] = []): Result {
  const out = runDirect([resolvePeople], { sources: { idt_people: rows }, previous: { customer_registry: previous } }).models;
  return {
    ids: new Map(out.identity_records!.map((r) => [String(r.record_id), String(r.customer_id)])),
    registry: out.customer_registry!,
    aliases: out.customer_id_aliases!,
  };
}

const csv = (rows: Person[]) =>
  ['id,email,phone,country,at', ...rows.map((r) => [r.id, r.email ?? '', r.phone ?? '', r.country ?? '', r.at.toISOString()].map((v) => `"${v}"`).join(','))].join('\n');

/** Runs on a DuckDB file (kept across calls in `dir`, so p.previous reads the last run). */
async function duck(dir: string, rows: Person[]): Promise<Result> {
  const data = path.join(dir, 'data');
  rmSync(data, { recursive: true, force: true });
  const { mkdirSync } = await import('node:fs');
  mkdirSync(data, { recursive: true });
  writeFileSync(path.join(data, 'idt_people.csv'), csv(rows));
  const db = path.join(dir, 'db.duckdb');
  await build(resolvePeople, db, data);
  return {
    ids: new Map((await query(db, 'SELECT record_id, customer_id FROM main.identity_records')).map((r) => [String(r.record_id), String(r.customer_id)])),
    registry: await query(db, 'SELECT customer_id, status, merged_into FROM main.customer_registry'),
    aliases: await query(db, 'SELECT alias_id, customer_id, merged_at, reason FROM main.customer_id_aliases'),
  };
}

/** Runs `runs` in sequence on both engines and checks they agree on ids and registry status. */
async function onBothEngines(runs: Person[][]): Promise<Result[]> {
  const results: Result[] = [];
  let previous: Row[] = [];
  for (const rows of runs) {
    const r = direct(rows, previous);
    previous = r.registry;
    results.push(r);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sluice-idt-'));
  try {
    for (const [i, rows] of runs.entries()) {
      const d = await duck(dir, rows);
      expect(Object.fromEntries(d.ids), `DuckDB run ${i + 1}`).to.deep.equal(Object.fromEntries(results[i]!.ids));
      const status = (rs: Row[]) => rs.map((r) => `${r.customer_id} ${r.status} ${r.merged_into ?? '-'}`).sort();
      expect(status(d.registry), `DuckDB registry run ${i + 1}`).to.deep.equal(status(results[i]!.registry));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

describe('resolveIdentities', function () {
  this.timeout(120_000);

  it('merges normalization variants of emails and phones (case, spaces, national and international formats)', async () => {
    const [r] = await onBothEngines([[
      person('a1', ' Anna@Example.COM', null, 1),
      person('a2', 'anna@example.com  ', '06-12345679', 2),
      person('a3', null, '+31 (0)6 1234 5679', 3),
      person('a4', null, '0031612345679', 4),
      person('a5', null, '612345679', 5, 'NL'),
      person('b1', 'bob@example.com', '+32 470 12 34 56', 6),
    ]]);
    const ids = r!.ids;
    expect(new Set(['a1', 'a2', 'a3', 'a4', 'a5'].map((id) => ids.get(id))).size).to.equal(1);
    expect(ids.get('a1')).to.equal('cus_people:a1');
    expect(ids.get('b1')).to.equal('cus_people:b1');
  });

  it('does not merge different people through a blocked value or a key above its degree cap', async () => {
    const [r] = await onBothEngines([[
      person('x1', 'test@test.com', null, 1),
      person('x2', 'TEST@test.com ', null, 2),
      person('y1', 'y@example.com', '0201111111', 3),
      person('y2', 'z@example.com', '0201111111', 4),
      person('y3', 'w@example.com', '0201111111', 5),
      person('y4', 'v@example.com', '020-1111111', 6),
      person('y5', 'u@example.com', '+31201111111', 7),
      person('y6', 't@example.com', '0031 20 1111111', 8),
    ]]);
    const ids = r!.ids;
    expect(ids.get('x1')).to.not.equal(ids.get('x2'));
    expect(new Set(['y1', 'y2', 'y3', 'y4', 'y5', 'y6'].map((id) => ids.get(id))).size).to.equal(6);
  });

  it('changes nothing on a second run over the same data', async () => {
    const rows = [person('a', 'a@x.nl', null, 1), person('b', 'a@x.nl', null, 2), person('c', 'c@x.nl', null, 3)];
    const [one, two] = await onBothEngines([rows, rows]);
    expect(two!.ids).to.deep.equal(one!.ids);
    expect(two!.registry).to.deep.equal(one!.registry);
  });

  it('keeps the oldest id when two customers merge and records the other as an alias', async () => {
    const before = [person('old', 'old@x.nl', null, 1), person('young', 'young@x.nl', '0201234567', 5)];
    const bridge = person('bridge', 'OLD@x.nl', '020 123 4567', 9);
    const [one, two] = await onBothEngines([before, [...before, bridge]]);
    expect(one!.ids.get('young')).to.equal('cus_people:young');
    for (const id of ['old', 'young', 'bridge']) expect(two!.ids.get(id)).to.equal('cus_people:old');
    expect(two!.aliases).to.have.length(1);
    const alias = two!.aliases[0]!;
    expect([alias.alias_id, alias.customer_id]).to.deep.equal(['cus_people:young', 'cus_people:old']);
    expect(new Date(alias.merged_at as Date).getTime()).to.equal(day(9).getTime());
    expect(alias.reason).to.include('people:young').and.include('people:old');
  });

  it('keeps the id with the anchor when a customer splits, and mints a new id for the other part', async () => {
    const linked = [person('anchor', 'a@x.nl', null, 1), person('link', 'a@x.nl', '0207654321', 2), person('other', null, '0207654321', 3)];
    const unlinked = [linked[0]!, { ...linked[1]!, phone: null }, linked[2]!];
    const [one, two] = await onBothEngines([linked, unlinked]);
    expect(new Set(one!.ids.values())).to.deep.equal(new Set(['cus_people:anchor']));
    expect(two!.ids.get('anchor')).to.equal('cus_people:anchor');
    expect(two!.ids.get('link')).to.equal('cus_people:anchor');
    expect(two!.ids.get('other')).to.equal('cus_people:other');
  });

  it('re-points aliases when the survivor merges again, so an alias always names an active id', async () => {
    const a = person('a', 'a@x.nl', null, 1);
    const b = person('b', 'b@x.nl', '0201000001', 2);
    const c = person('c', 'c@x.nl', '0201000002', 3);
    const bc = person('bc', 'c@x.nl', '0201000001', 4);
    const ab = person('ab', 'a@x.nl', '0201000001', 5);
    const [, , three] = await onBothEngines([[a, b, c], [a, b, c, bc], [a, b, c, bc, ab]]);
    const aliases = Object.fromEntries(three!.aliases.map((r) => [r.alias_id, r.customer_id]));
    expect(aliases).to.deep.equal({ 'cus_people:b': 'cus_people:a', 'cus_people:c': 'cus_people:a' });
  });
});
