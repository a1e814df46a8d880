import { expect } from 'chai';
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  bigqueryComponents,
  componentsOf,
  componentsProgram,
  duckdbComponents,
  type ComponentsSpec,
} from '../../src/identity/components/index.js';
import { IterationCapError, runOnDuckDB } from '../../src/runners/duckdb/program.js';
import { bigqueryScript } from '../../src/compiler/dialects/bigquery/script.js';
import { bigqueryQuoting } from '../../src/compiler/programs/quoting.js';
import { loadEdges, openDuckDB, readComponents, shuffled } from './helpers.js';

type Edge = readonly [number | string | null, number | string | null];

const chain = (n: number, order: readonly number[]): Edge[] =>
  order.slice(1).map((id, i) => [order[i]!, id] as const);

describe('connected components (SQL program on DuckDB)', function () {
  this.timeout(60_000);
  let con: DuckDBConnection;
  let close: () => void;
  before(async () => ({ con, close } = await openDuckDB()));
  after(() => close());

  async function components(edges: readonly Edge[], options: Partial<ComponentsSpec> = {}, type: 'BIGINT' | 'VARCHAR' = 'BIGINT') {
    await loadEdges(con, 'edges', edges, type);
    const run = await runOnDuckDB(con, componentsProgram(duckdbComponents, { edges: ['edges'], output: ['out'], ...options }));
    return { run, result: await readComponents(con, 'out') };
  }

  function expectSameAsUnionFind(result: Map<string, string>, edges: readonly Edge[]) {
    const reference = componentsOf(edges);
    expect(result.size).to.equal(reference.size);
    for (const [node, comp] of reference) expect(result.get(String(node)), `node ${node}`).to.equal(String(comp));
  }

  it('joins a chain with shuffled ids in O(log n) rounds', async () => {
    const rounds: number[] = [];
    for (const n of [1_000, 30_000]) {
      const edges = chain(n, shuffled(n, n));
      const { run, result } = await components(edges);
      expect(new Set(result.values())).to.deep.equal(new Set(['0']));
      expect(result.size).to.equal(n);
      rounds.push(run.iterations.rounds!);
      expect(run.iterations.rounds, `rounds for n=${n}`).to.be.at.most(2 * Math.ceil(Math.log2(n)));
    }
    // 30x more nodes must cost a handful more rounds, not 30x more.
    expect(rounds[1]! - rounds[0]!).to.be.below(10);
  });

  it('joins a chain whose ids increase along it (the worst order for unhashed labels)', async () => {
    const n = 2_000;
    const { run, result } = await components(chain(n, Array.from({ length: n }, (_, i) => i + 1)));
    expect(new Set(result.values())).to.deep.equal(new Set(['1']));
    expect(run.iterations.rounds).to.be.at.most(2 * Math.ceil(Math.log2(n)));
  });

  it('joins a star in at most two rounds', async () => {
    const edges: Edge[] = Array.from({ length: 500 }, (_, i) => [1_000_000, i + 7] as const);
    const { run, result } = await components(edges);
    expect(new Set(result.values())).to.deep.equal(new Set(['7']));
    expect(result.size).to.equal(501);
    // Round 1: leaves ranked above the centre hook to it, the centre hooks to the lowest leaf.
    // Round 2: the leaves ranked below the centre hook to that lowest leaf.
    expect(run.iterations.rounds).to.be.within(1, 2);
  });

  it('keeps disconnected parts apart and handles self-loops, duplicates, reversed edges and NULL ends', async () => {
    const edges: Edge[] = [
      [1, 2], [2, 3], [3, 1], [2, 1], [2, 1], // a triangle with duplicate and reversed edges
      [10, 11], [12, 11], // a second part
      [42, 42], // an isolated node that only has a self-loop
      [50, null], [null, 51], // NULL ends are ignored
      [60, 61], [61, 61],
    ];
    const { result } = await components(edges);
    expect(Object.fromEntries(result)).to.deep.equal({
      '1': '1', '2': '1', '3': '1', '10': '10', '11': '10', '12': '10', '42': '42', '50': '50', '51': '51', '60': '60', '61': '60',
    });
  });

  it('matches union-find on a random sparse graph with many components', async () => {
    let s = 12345;
    const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) % 4_000;
    const edges: Edge[] = Array.from({ length: 3_000 }, () => [next(), next()] as const);
    const { result } = await components(edges);
    expectSameAsUnionFind(result, edges);
    expect(new Set(result.values()).size).to.be.above(100);
  });

  it('works on STRING nodes of a record–key bipartite graph', async () => {
    const edges: Edge[] = [
      ['crm:C1', 'email:ann@x.nl'], ['shop:WS-1', 'email:ann@x.nl'], ['shop:WS-1', 'phone:+31612345678'],
      ['loyalty:L9', 'phone:+31612345678'], ['crm:C2', 'email:bob@y.nl'], ["o'neil:1", 'email:bob@y.nl'],
    ];
    const { result } = await components(edges, {}, 'VARCHAR');
    expectSameAsUnionFind(result, edges);
    expect(result.get('loyalty:L9')).to.equal('crm:C1');
    expect(result.get("o'neil:1")).to.equal('crm:C2');
  });

  it('fails loudly when the round cap is reached before convergence', async () => {
    const edges = chain(1_000, shuffled(1_000, 3));
    try {
      await components(edges, { maxRounds: 2 });
      expect.fail('expected an IterationCapError');
    } catch (e) {
      expect(e).to.be.instanceOf(IterationCapError);
      expect((e as IterationCapError).loop).to.equal('rounds');
      expect((e as Error).message).to.equal('loop rounds did not converge within 2 iterations');
    }
  });

  it('quotes table names instead of pasting them', async () => {
    await loadEdges(con, 'we"ird edges', [[1, 2]]);
    await runOnDuckDB(con, componentsProgram(duckdbComponents, { edges: ['we"ird edges'], output: ['out; DROP'] }));
    expect(await readComponents(con, '"out; DROP"')).to.deep.equal(new Map([['1', '1'], ['2', '1']]));
  });

  it('leaves no working tables behind', async () => {
    await components([[1, 2]]);
    const left = (await con.runAndReadAll(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'cc\\_%' ESCAPE '\\'`)).getRows();
    expect(left).to.deep.equal([]);
  });
});

describe('connected components (BigQuery script)', () => {
  const spec: ComponentsSpec = { edges: ['proj', 'identity', 'edges'], output: ['proj', 'identity', 'components'], maxRounds: 40 };
  const script = bigqueryScript(componentsProgram(bigqueryComponents, spec), bigqueryQuoting);
  const lines = script.split('\n');

  it('declares every loop counter before any other statement', () => {
    const declares = lines.filter((l) => l.startsWith('DECLARE'));
    expect(declares).to.deep.equal([
      'DECLARE rounds_iteration INT64 DEFAULT 0;',
      'DECLARE jumps_iteration INT64 DEFAULT 0;',
      'DECLARE flatten_iteration INT64 DEFAULT 0;',
    ]);
    expect(lines.slice(0, 3)).to.deep.equal(declares);
  });

  it('loops with BREAK on convergence and RAISE at the cap', () => {
    expect(script.match(/^\s*LOOP$/gm)).to.have.length(3);
    expect(script.match(/^\s*END LOOP;$/gm)).to.have.length(3);
    expect(script).to.contain('IF NOT COALESCE((EXISTS (SELECT 1 FROM `cc_edges`)), FALSE) THEN\n    BREAK;');
    expect(script).to.contain("RAISE USING MESSAGE = 'loop rounds did not converge within 40 iterations';");
  });

  it('uses temp tables, FARM_FINGERPRINT and backtick-quoted paths, nothing DuckDB-specific', () => {
    expect(script).to.contain('CREATE OR REPLACE TEMP TABLE `cc_nodes` AS');
    expect(script).to.contain('FARM_FINGERPRINT(CAST(node AS STRING))');
    expect(script).to.contain('FROM `proj`.`identity`.`edges`\n');
    expect(script).to.contain("ASSERT ((SELECT COUNT(DISTINCT id) = COUNT(*) FROM `cc_nodes`)) AS 'connected components: two distinct nodes");
    expect(script).to.contain('CREATE OR REPLACE TABLE `proj`.`identity`.`components` AS');
    expect(script).not.to.match(/\bhash\(|BIGINT|"/);
  });
});
