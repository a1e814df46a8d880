import { expect } from 'chai';
import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SluiceError } from '../../src/sdk/errors.js';
import { listEnvironments, loadEnvironment, parseEnvironment } from '../../src/deploy/environments/load.js';
import { tableNames } from '../../src/deploy/environments/table-names.js';

const repoRoot = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

function errorOf(text: string): SluiceError {
  try {
    parseEnvironment(text, 'env.yaml');
  } catch (e) {
    expect(e).to.be.instanceOf(SluiceError);
    return e as SluiceError;
  }
  throw new Error('expected a validation error');
}

describe('environments', () => {
  it('loads every environment shipped with the project', async () => {
    const names = await listEnvironments(repoRoot);
    expect(names).to.include.members(['local', 'dev', 'test', 'acceptance', 'prod']);
    const envs = await Promise.all(names.map((n) => loadEnvironment(repoRoot, n)));
    const local = envs.find((e) => e.name === 'local')!;
    expect(local.warehouse).to.deep.equal({ type: 'duckdb', path: '.sluice/local.duckdb', sourcesDir: '.sluice/data' });
    const projects = envs.filter((e) => e.warehouse.type === 'bigquery').map((e) => (e.warehouse.type === 'bigquery' ? e.warehouse.project : ''));
    expect(new Set(projects).size).to.equal(4);
  });

  it('parses byte sizes and fills defaults', () => {
    const env = parseEnvironment(
      ['name: dev', 'warehouse:', '  type: bigquery', '  project: acme-dev', '  location: EU', '  datasets: { sources: raw, models: m }', 'gates:', '  dryRun: { maxBytesScanned: 2GiB }'].join('\n'),
      'dev.yaml',
    );
    expect(env.gates.dryRun?.maxBytesScanned).to.equal(2 * 2 ** 30);
    expect(env.gates.expectations.failOn).to.equal('error');
    expect(env.approvals).to.deep.equal({ required: 0, approvers: [] });
  });

  it('reports a bad value at its line and column with the key path', () => {
    const e = errorOf(['name: dev', 'warehouse:', '  type: bigquery', '  project: Acme_Dev', '  location: EU', '  datasets: { sources: raw, models: m }'].join('\n'));
    expect(e.site).to.deep.equal({ file: 'env.yaml', line: 4, column: 12 });
    expect(e.message).to.match(/^env\.yaml:4:12: warehouse\.project: expected a GCP project id .*got "Acme_Dev"/);
  });

  it('reports an unknown key at the key itself', () => {
    const e = errorOf(['name: local', 'warehouse:', '  type: duckdb', '  path: x.duckdb', '  sourcesDir: data', '  sourceDir: data'].join('\n'));
    expect(e.message).to.match(/^env\.yaml:6:3: unknown key 'sourceDir' in warehouse/);
  });

  it('reports a missing key at the object that lacks it', () => {
    const e = errorOf(['name: local', 'warehouse:', '  type: duckdb', '  path: x.duckdb'].join('\n'));
    expect(e.message).to.match(/^env\.yaml:3:3: missing required key 'warehouse\.sourcesDir': expected a folder path/);
  });

  it('reports an unknown warehouse type', () => {
    const e = errorOf(['name: local', 'warehouse:', '  type: postgres'].join('\n'));
    expect(e.message).to.match(/^env\.yaml:3:9: warehouse\.type: expected type 'duckdb' or 'bigquery', got "postgres"/);
  });

  it('lists every problem, each with its position', () => {
    const e = errorOf(['name: Local', 'warehouse:', '  type: duckdb', '  path: x', '  sourcesDir: d', 'approvals:', '  required: 1.5'].join('\n'));
    expect(e.message).to.include('env.yaml:1:7: name: expected a lowercase name');
    expect(e.message).to.include('env.yaml:7:13: approvals.required: expected an integer, got 1.5');
  });

  it('reports YAML syntax errors with their position', () => {
    const e = errorOf('name: local\nwarehouse: [unclosed\n');
    expect(e.message).to.match(/^env\.yaml:\d+:\d+: invalid YAML/);
  });

  it('requires approvers when approvals are required', () => {
    const e = errorOf(['name: prod', 'warehouse: { type: duckdb, path: x, sourcesDir: d }', 'approvals:', '  required: 2'].join('\n'));
    expect(e.message).to.include('approvals.approvers');
    expect(e.message).to.include('at least one approver');
  });

  it('names the missing environment and lists the known ones', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'sluice-env-'));
    await mkdir(path.join(root, 'environments'));
    await writeFile(path.join(root, 'environments', 'local.yaml'), 'name: local\nwarehouse: { type: duckdb, path: x, sourcesDir: d }\n');
    let err: unknown;
    await loadEnvironment(root, 'staging').catch((e) => (err = e));
    expect(err).to.be.instanceOf(SluiceError);
    expect((err as SluiceError).message).to.include("environment 'staging' not found");
    expect((err as SluiceError).hint).to.equal('known environments: local');
  });

  it('rejects a file whose name differs from its declared name', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'sluice-env-'));
    await mkdir(path.join(root, 'environments'));
    await writeFile(path.join(root, 'environments', 'local.yaml'), 'name: other\nwarehouse: { type: duckdb, path: x, sourcesDir: d }\n');
    let err: unknown;
    await loadEnvironment(root, 'local').catch((e) => (err = e));
    expect((err as SluiceError).message).to.match(/local\.yaml:1:7: environment file local\.yaml declares name 'other'/);
  });
});

describe('tableNames', () => {
  it('maps DuckDB sources to schema src and models to main', () => {
    const names = tableNames({ warehouse: { type: 'duckdb', path: 'x', sourcesDir: 'd' } });
    expect(names.table({ kind: 'source', name: 'orders' })).to.deep.equal(['src', 'orders']);
    expect(names.table({ kind: 'model', name: 'customers' })).to.deep.equal(['main', 'customers']);
    expect(names.table({ kind: 'model', name: 'customers', previous: true })).to.deep.equal(['main', 'customers']);
  });

  it('maps BigQuery tables into the project and its datasets', () => {
    const names = tableNames({ warehouse: { type: 'bigquery', project: 'acme-dev', location: 'EU', datasets: { sources: 'raw', models: 'an' } } });
    expect(names.table({ kind: 'source', name: 'orders' })).to.deep.equal(['acme-dev', 'raw', 'orders']);
    expect(names.table({ kind: 'model', name: 'c' })).to.deep.equal(['acme-dev', 'an', 'c']);
  });
});
