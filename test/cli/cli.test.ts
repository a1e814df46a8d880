import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const bin = path.join(repo, 'bin/sluice.js');

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function sluice(args: string[], env: Record<string, string> = {}): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: repo, env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function projectWithEnv(yaml: string): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'sluice-cli-'));
  await mkdir(path.join(root, 'environments'));
  await writeFile(path.join(root, 'environments', 'local.yaml'), yaml);
  return root;
}

describe('sluice CLI', function () {
  this.timeout(60_000);

  it('--help lists the commands, examples and exit codes', async () => {
    const r = await sluice(['--help']);
    expect(r.code).to.equal(0);
    expect(r.stdout).to.match(/^Usage: sluice \[options\] \[command\]/);
    expect(r.stdout).to.include('run [options]');
    expect(r.stdout).to.include('compile [options]');
    expect(r.stdout).to.include('$ sluice run --select +customers');
    expect(r.stdout).to.include('Exit codes: 0 ok, 1 expectations failed, 2 project error, 64 usage error');
  });

  it('run --help documents its options with examples', async () => {
    const r = await sluice(['run', '--help']);
    expect(r.code).to.equal(0);
    for (const option of ['--env <name>', '--data <dir>', '--select <model...>', '--concurrency <n>', '--database <file>']) expect(r.stdout).to.include(option);
    expect(r.stdout).to.include('$ sluice run --data ./exports --select +customers');
  });

  it('exits 64 on an unknown option', async () => {
    const r = await sluice(['run', '--bogus']);
    expect(r.code).to.equal(64);
    expect(r.stderr).to.include("unknown option '--bogus'");
  });

  it('exits 64 on a bad option value', async () => {
    const r = await sluice(['run', '--concurrency', 'zero']);
    expect(r.code).to.equal(64);
    expect(r.stderr).to.include('expected a positive integer');
  });

  it('reports an invalid environment file at file:line:col, exit 2, without a stack trace', async () => {
    const root = await projectWithEnv('name: local\nwarehouse:\n  type: duckdb\n  path: x.duckdb\n  sourcesDir: 7\n');
    const r = await sluice(['-C', root, 'run']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/^error .*environments\/local\.yaml:5:15: warehouse\.sourcesDir: expected a folder path such as \.sluice\/data, got 7$/m);
    expect(r.stderr).to.include('hint: see docs/environments.md');
    expect(r.stderr).not.to.include('    at ');
  });

  it('shows the stack trace with --verbose', async () => {
    const root = await projectWithEnv('name: local\nwarehouse: 3\n');
    const r = await sluice(['-C', root, '--verbose', 'run']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.include('    at ');
  });

  it('refuses to run a BigQuery environment locally', async () => {
    const r = await sluice(['run', '--env', 'prod']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.include("environment 'prod' uses BigQuery");
  });

  it('runs the example project end to end and prints the summary', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'sluice-cli-run-'));
    const db = path.join(work, 'shop.duckdb');
    const r = await sluice(['-C', 'examples/shop', 'run', '--data', 'data', '--database', db, '--out', path.join(work, 'target')]);
    expect(r.stderr).to.match(/compiled \d+ models from 2 sources/);
    expect(r.stderr).to.match(/load {2}web_orders 7 rows from .*web_orders\.ndjson/);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.match(/model\s+kind\s+rows\s+time/);
    expect(r.stdout).to.match(/clean_orders\s+table\s+6/);
    expect(r.stdout).to.match(/\d+ models built · expectations: \d+ passed, 0 warned, 0 failed/);
    expect((await readdir(work)).sort()).to.deep.equal(['shop.duckdb', 'target']);
  });
});
