/**
 * `npm run bench -- <name> [args]`: runs the benchmark `bench/<name>.ts`.
 * With no name, lists the benchmarks. Adding one is adding a file that default-exports a
 * {@link Benchmark}; nothing here needs to change.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Benchmark } from './lib/benchmark.js';

const benchDir = path.dirname(fileURLToPath(import.meta.url));

async function benchmarkNames(): Promise<string[]> {
  const files = await readdir(benchDir);
  return files
    .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.d.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -'.ts'.length))
    .sort();
}

async function load(name: string): Promise<Benchmark> {
  const module = (await import(pathToFileURL(path.join(benchDir, `${name}.ts`)).href)) as { default?: Benchmark };
  if (!module.default || typeof module.default.run !== 'function') throw new Error(`bench/${name}.ts must default-export a Benchmark`);
  return module.default;
}

async function main(argv: readonly string[]): Promise<number> {
  const names = await benchmarkNames();
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h') {
    console.log('usage: npm run bench -- <benchmark> [options]   (<benchmark> --help for its options)\n\nbenchmarks:');
    for (const n of names) console.log(`  ${n.padEnd(12)} ${(await load(n)).description}`);
    return 0;
  }
  if (!names.includes(name)) {
    console.error(`unknown benchmark '${name}'; available: ${names.join(', ')}`);
    return 2;
  }
  return (await load(name)).run(args);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
