/**
 * The identity benchmark: connected components over the record ↔ key graph of the sample
 * data at 100k / 1M / 5M source records, against an in-memory TypeScript union-find and
 * naive min-label propagation in SQL on the same edges, plus an adversarial 5,000-record
 * chain. Prints rounds, wall time, peak memory, largest cluster, precision/recall vs the
 * generator's truth, and ratios. Data is generated under bench/.work/identity/ (git-ignored).
 *
 *   npm run bench -- identity [--sizes 100k,1M,5M] [--seed 42] [--naive-cap 60] [--no-naive]
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Benchmark } from './lib/benchmark.js';
import { prepareChain } from './lib/identity/adversarial.js';
import { withPeakRss } from './lib/identity/memory.js';
import { quality } from './lib/identity/metrics.js';
import { naiveProgram } from './lib/identity/naive.js';
import { runUnionFind } from './lib/identity/unionfind.js';
import { prepare, sampleData } from './lib/identity/workload.js';
import { renderTable } from './lib/table.js';
import { componentsProgram, duckdbComponents } from '../src/identity/components/index.js';
import { IterationCapError, runOnDuckDB } from '../src/runners/duckdb/program.js';

const workDir = path.join(fileURLToPath(new URL('.', import.meta.url)), '.work', 'identity');

interface Options {
  sizes: number[];
  seed: number;
  naiveCap: number;
  naive: boolean;
  chain: number;
}

function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim());
  if (!m) throw new Error(`bad size ${JSON.stringify(text)} (use e.g. 100k, 1M)`);
  return Math.round(Number(m[1]) * (m[2]?.toLowerCase() === 'k' ? 1e3 : m[2]?.toLowerCase() === 'm' ? 1e6 : 1));
}

function parseOptions(args: readonly string[]): Options {
  const o: Options = { sizes: [100_000, 1_000_000], seed: 42, naiveCap: 60, naive: true, chain: 5_000 };
  for (let i = 0; i < args.length; i++) {
    const value = () => args[++i] ?? '';
    switch (args[i]) {
      case '--sizes': o.sizes = value().split(',').map(parseSize); break;
      case '--seed': o.seed = Number(value()); break;
      case '--naive-cap': o.naiveCap = Number(value()); break;
      case '--no-naive': o.naive = false; break;
      case '--chain': o.chain = parseSize(value()); break;
      default: throw new Error(`unknown option ${args[i]}`);
    }
  }
  return o;
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
const count = async (con: DuckDBConnection, sql: string) => Number((await con.runAndReadAll(sql)).getRows()[0]![0]);

async function timed<T>(task: () => Promise<T>) {
  const start = performance.now();
  const { value, peakRssMb, cpuMs } = await withPeakRss(task);
  return { value, ms: performance.now() - start, peakRssMb, cpuMs };
}

/** Runs the naive baseline, turning a cap hit into a lower bound. */
async function naive(con: DuckDBConnection, cap: number) {
  return timed(async () => {
    try {
      return { rounds: (await runOnDuckDB(con, naiveProgram(cap))).iterations.naive!, capped: false };
    } catch (e) {
      if (e instanceof IterationCapError) return { rounds: cap, capped: true };
      throw e;
    }
  });
}

/** Components over the string record–key edges (end to end), or over the integer edges the baselines get. */
async function components(con: DuckDBConnection, input: 'edges' | 'int_edges' = 'edges') {
  const spec = input === 'edges'
    ? { edges: ['edges'], output: ['components'] }
    : { edges: ['int_edges'], srcColumn: 'a', dstColumn: 'b', output: ['int_components'] };
  return timed(() => runOnDuckDB(con, componentsProgram(duckdbComponents, spec)));
}

async function open(): Promise<{ con: DuckDBConnection; close: () => void }> {
  const db = await DuckDBInstance.create(':memory:', { threads: '2', memory_limit: '8GB', preserve_insertion_order: 'false' });
  const con = await db.connect();
  return { con, close: () => (con.closeSync(), db.closeSync()) };
}

async function runSize(target: number, o: Options): Promise<string[]> {
  const dir = sampleData(workDir, target, o.seed);
  const { con, close } = await open();
  try {
    const w = await prepare(con, dir);
    console.log(`\n${(target / 1e6).toString()}M target: ${w.records.toLocaleString()} records, ${w.keys.toLocaleString()} keys, ` +
      `${w.edges.toLocaleString()} record–key edges, dropped keys ${JSON.stringify(w.droppedByReason)}, prepared in ${s(w.prepareMs)}`);
    const cc = await components(con);
    const q = await quality(con, 'components');
    const ccLargestNodes = await count(con, 'SELECT MAX(n) FROM (SELECT COUNT(*) n FROM components GROUP BY component)');
    const ccInt = await components(con, 'int_edges');
    const uf = await timed(() => runUnionFind(con));
    if (uf.value.components !== q.components || uf.value.largest !== ccLargestNodes) {
      throw new Error(`union-find disagrees: ${uf.value.components}/${uf.value.largest} vs SQL ${q.components}/${ccLargestNodes}`);
    }
    const nv = o.naive ? await naive(con, o.naiveCap) : undefined;
    if (nv && !nv.value.capped) {
      const differ = await count(con, `SELECT COUNT(*) FROM (SELECT COUNT(DISTINCT n.l) k FROM components c JOIN node_ids i ON c.node = i.node
        JOIN naive_out n ON n.x = i.id GROUP BY c.component) WHERE k <> 1`);
      if (differ) throw new Error(`naive propagation disagrees with components on ${differ} components`);
    }
    const ufAll = uf.value.computeMs + uf.value.loadMs;
    const row = (name: string, r: Awaited<ReturnType<typeof components>>) => [
      name, `${r.value.iterations.rounds} (+${r.value.iterations.jumps} jumps)`, s(r.ms), s(r.cpuMs), `${r.peakRssMb.toFixed(0)} MB`,
      `${(r.ms / uf.value.computeMs).toFixed(1)}× / ${(r.ms / ufAll).toFixed(1)}×`,
      nv ? `${nv.value.capped ? '≥' : ''}${(nv.ms / r.ms).toFixed(1)}× / ${(nv.cpuMs / r.cpuMs).toFixed(1)}×` : '-',
    ];
    console.log(renderTable(
      ['method', 'rounds', 'wall', 'CPU', 'peak RSS', 'wall vs UF / UF+load', 'naive ÷ this (wall / CPU)'],
      [
        row('components, string edges (SQL)', cc),
        row('components, int edges (SQL)', ccInt),
        ['union-find (TS)', '-', `${s(uf.value.computeMs)} (+${s(uf.value.loadMs)} load)`, s(uf.cpuMs), `${uf.peakRssMb.toFixed(0)} MB`, '1.0×', '-'],
        ...(nv ? [['naive min-label, int edges (SQL)', `${nv.value.capped ? '≥' : ''}${nv.value.rounds}`, `${nv.value.capped ? '≥' : ''}${s(nv.ms)}`,
          s(nv.cpuMs), `${nv.peakRssMb.toFixed(0)} MB`, `${(nv.ms / uf.value.computeMs).toFixed(1)}× / ${(nv.ms / ufAll).toFixed(1)}×`, '1.0×']] : []),
      ],
    ));
    console.log(`quality: precision ${pct(q.precision)}, recall ${pct(q.recall)}, ${q.clusters.toLocaleString()} clusters; ` +
      `largest cluster ${q.largest} records of ${q.largestPersons} true person(s)`);
    return [w.records.toLocaleString(), w.edges.toLocaleString(), String(cc.value.iterations.rounds), s(cc.ms), s(ccInt.ms), s(uf.value.computeMs),
      nv ? `${nv.value.capped ? '≥' : ''}${nv.value.rounds} / ${nv.value.capped ? '≥' : ''}${s(nv.ms)}` : '-', pct(q.precision), pct(q.recall), String(q.largest)];
  } finally {
    close();
  }
}

async function runChain(o: Options): Promise<void> {
  const { con, close } = await open();
  try {
    await prepareChain(con, o.chain);
    const cc = await components(con, 'int_edges');
    const nodes = await count(con, 'SELECT COUNT(*) FROM node_ids');
    const joined = await count(con, 'SELECT COUNT(DISTINCT component) FROM int_components');
    const uf = await runUnionFind(con);
    const nv = await naive(con, o.naiveCap * 5);
    const perRound = nv.ms / nv.value.rounds;
    console.log(`\nadversarial chain: ${o.chain.toLocaleString()} records, ${nodes.toLocaleString()} nodes, ${joined} component(s)`);
    console.log(renderTable(['method', 'rounds', 'wall'], [
      ['components, int edges (SQL)', String(cc.value.iterations.rounds), s(cc.ms)],
      ['union-find (TS)', '-', s(uf.computeMs)],
      ['naive min-label (SQL)', `${nv.value.capped ? '≥' : ''}${nv.value.rounds}`, `${nv.value.capped ? '≥' : ''}${s(nv.ms)}`],
    ]));
    if (nv.value.capped) {
      console.log(`naive stopped at its cap; the chain needs about ${(2 * o.chain).toLocaleString()} rounds ` +
        `(≈ ${s(perRound * 2 * o.chain)} at ${perRound.toFixed(0)} ms/round): ≥ ${(nv.ms / cc.ms).toFixed(0)}× slower measured, ≈ ${((perRound * 2 * o.chain) / cc.ms).toFixed(0)}× extrapolated`);
    }
  } finally {
    close();
  }
}

const benchmark: Benchmark = {
  description: 'identity resolution: SQL connected components vs union-find vs naive label propagation',
  async run(args) {
    const o = parseOptions(args);
    const rows: string[][] = [];
    for (const size of o.sizes) rows.push(await runSize(size, o));
    await runChain(o);
    console.log('\nsummary');
    console.log(renderTable(['records', 'edges', 'rounds', 'components (str)', 'components (int)', 'union-find', 'naive rounds / wall', 'precision', 'recall', 'largest'], rows));
    return 0;
  },
};

export default benchmark;
