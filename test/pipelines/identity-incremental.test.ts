/**
 * Stable ids across an incremental run: build the identity models on the sample data as it
 * was at a cut-off date, then on the full data in the same database (`p.previous` reads the
 * first run's registry). Every first-run customer must survive, as itself or as an alias; a
 * record may leave its customer only in a split that new data explains (a key that linked it
 * is blocked now, e.g. a device seen with a second email), and the anchor keeps the id.
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from '../../pipelines/sample-data.js';
import { identity } from '../../pipelines/identity.js';
import { build, query } from '../transforms/identity/support.js';
import { cutAt } from './models-support.js';

describe('pipelines/identity.ts incremental run (DuckDB)', function () {
  this.timeout(120_000);
  const work = mkdtempSync(path.join(os.tmpdir(), 'sluice-identity-inc-'));
  const full = path.join(work, 'full');
  const early = path.join(work, 'early');
  const db = path.join(work, 'inc.duckdb');
  type Reg = { customer_id: string; status: string; merged_into: string | null; anchor_source: string; anchor_record_id: string; merged_at: string | null };
  type Snapshot = { registry: Reg[]; records: Map<string, string>; aliases: Map<string, string>; edges: Map<string, string[]>; blocked: Set<string> };
  let first: Snapshot;
  let second: Snapshot;

  const snapshot = async () => ({
    registry: (await query(db, 'SELECT * FROM main.customer_registry')) as Reg[],
    records: new Map((await query(db, 'SELECT source, record_id, customer_id FROM main.identity_records')).map((r) => [`${r.source}:${r.record_id}`, String(r.customer_id)])),
    aliases: new Map((await query(db, 'SELECT alias_id, customer_id FROM main.customer_id_aliases')).map((r) => [String(r.alias_id), String(r.customer_id)])),
    edges: new Map(
      (await query(db, "SELECT source || ':' || record_id AS record, list(key_type || ':' || key_value) AS keys FROM main.identity_edges GROUP BY ALL"))
        .map((r) => [String(r.record), r.keys as string[]]),
    ),
    blocked: new Set((await query(db, 'SELECT key_type, key_value FROM main.identity_blocked_keys')).map((r) => `${r.key_type}:${r.key_value}`)),
  });

  before(async () => {
    generate(full, { seed: 7, scale: 1 });
    await cutAt(full, early, '2024-03-01');
    await build(identity, db, early);
    first = await snapshot();
    await build(identity, db, full);
    second = await snapshot();
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('grows: the second run sees more records and mints ids for new customers', () => {
    expect(second.records.size).to.be.greaterThan(first.records.size);
    const before = new Set(first.registry.map((r) => r.customer_id));
    expect(second.registry.filter((r) => !before.has(r.customer_id)).length).to.be.greaterThan(0);
  });

  it('keeps every first-run id: still active with the same anchor, or merged with an alias', () => {
    const now = new Map(second.registry.map((r) => [r.customer_id, r]));
    for (const old of first.registry) {
      const row = now.get(old.customer_id);
      expect(row, old.customer_id).to.not.equal(undefined);
      expect([row!.anchor_source, row!.anchor_record_id]).to.deep.equal([old.anchor_source, old.anchor_record_id]);
      if (row!.status === 'merged') {
        expect(second.aliases.get(old.customer_id)).to.equal(row!.merged_into);
        expect(now.get(row!.merged_into!)?.status).to.equal('active');
      }
    }
  });

  it('gives every first-run record its old id, the id its old id merged into, or a new id in an explained split', () => {
    const now = new Map(second.registry.map((r) => [r.customer_id, r]));
    const before = new Set(first.registry.map((r) => r.customer_id));
    const newlyBlocked = new Set([...second.blocked].filter((k) => !first.blocked.has(k)));
    let merged = 0;
    let split = 0;
    for (const [record, oldId] of first.records) {
      const id = second.records.get(record);
      if (id === oldId) continue;
      const alias = second.aliases.get(oldId);
      if (alias !== undefined) {
        expect(alias, `${record} moved from ${oldId} to ${id}`).to.equal(id);
        merged++;
        continue;
      }
      // A split: the old id stays active with its anchor; this part got an id minted now.
      split++;
      const old = now.get(oldId)!;
      expect(old.status, `${record} left ${oldId}, which must stay active`).to.equal('active');
      expect(second.records.get(`${old.anchor_source}:${old.anchor_record_id}`), `anchor of ${oldId}`).to.equal(oldId);
      expect(before.has(id!), `${record} moved from ${oldId} to an older id ${id}`).to.equal(false);
      const oldKeys = [...first.records].filter(([, c]) => c === oldId).flatMap(([r]) => first.edges.get(r) ?? []);
      expect(oldKeys.some((k) => newlyBlocked.has(k)), `${record} split from ${oldId} without a newly blocked key`).to.equal(true);
    }
    console.log(`      incremental run: ${first.records.size} → ${second.records.size} records, ${merged} records moved by merges, ${split} by splits, ${second.aliases.size} aliases`);
  });

  it('records when merges happened with data timestamps from the run that merged them', () => {
    const merged = second.registry.filter((r) => r.status === 'merged');
    for (const m of merged) expect(m.merged_at, m.customer_id).to.be.a('string');
  });
});
