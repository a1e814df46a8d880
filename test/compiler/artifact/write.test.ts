import { expect } from 'chai';
import { mkdtemp, readFile, readdir, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CompiledProject } from '../../../src/compiler/artifact/types.js';
import { writeArtifact } from '../../../src/compiler/artifact/write.js';
import { field, model, sourceOf, T } from '../../runners/duckdb/fixtures.js';

function project(names: string[]): CompiledProject {
  return {
    sources: [{ ...sourceOf('orders', [field('id', T('INT64')), field('tags', T('ARRAY', false, { element: T('STRING') }))]), description: 'raw orders' }],
    models: names.map((n, i) =>
      ({
        ...model(n, `SELECT ${i} AS x`, {
          columns: [{ name: 'x', type: T('INT64'), description: 'the x' }],
          expectations: [{ name: `${n}.unique`, kind: 'unique', severity: 'error', description: 'values are unique', site: { file: '/project/pipelines/p.ts', line: 5, column: 3 }, sql: { duckdb: `SELECT x FROM main.${n} GROUP BY x HAVING count(*) > 1`, bigquery: `SELECT x FROM \`p.a.${n}\` GROUP BY x HAVING COUNT(*) > 1` } }],
        }),
        labels: { zeta: '1', alpha: '2' },
        lineage: [{ column: 'x', from: ['source:orders.id'] }],
      }),
    ),
  };
}

async function listAll(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

describe('artifact writer', () => {
  it('writes one SQL file per model and expectation per dialect, and a manifest', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'sluice-target-'));
    const result = await writeArtifact(project(['a', 'b']), out, '/project');
    expect(await listAll(out)).to.deep.equal([
      'bigquery/a.sql', 'bigquery/b.sql', 'bigquery/expectations/a.unique.sql', 'bigquery/expectations/b.unique.sql',
      'duckdb/a.sql', 'duckdb/b.sql', 'duckdb/expectations/a.unique.sql', 'duckdb/expectations/b.unique.sql',
      'manifest.json',
    ]);
    expect(result.files).to.have.length(9);
    expect(await readFile(path.join(out, 'duckdb/a.sql'), 'utf8')).to.equal('CREATE OR REPLACE TABLE main."a" AS SELECT 0 AS x;\n');
    expect(await readFile(path.join(out, 'duckdb/expectations/b.unique.sql'), 'utf8')).to.equal(
      '-- Expectation b.unique (error): values are unique\n-- Declared at pipelines/p.ts:5:3. Returns the rows that violate it.\nSELECT x FROM main.b GROUP BY x HAVING count(*) > 1;\n',
    );
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.dialects).to.deep.equal(['bigquery', 'duckdb']);
    expect(manifest.sources[0]).to.deep.equal({
      name: 'orders', description: 'raw orders', site: 'pipelines/p.ts:3:7',
      columns: [{ name: 'id', type: 'INT64', nullable: false }, { name: 'tags', type: 'ARRAY<STRING>', nullable: false }],
    });
    const a = manifest.models[0];
    expect(Object.keys(a)).to.deep.equal(['name', 'pipeline', 'materialize', 'fingerprint', 'site', 'columns', 'clusterBy', 'labels', 'dependsOn', 'readsPrevious', 'sql', 'lineage', 'expectations']);
    expect(Object.keys(a.labels)).to.deep.equal(['alpha', 'zeta']);
    expect(a.columns).to.deep.equal([{ name: 'x', type: 'INT64', nullable: false, description: 'the x' }]);
    expect(a.sql).to.deep.equal({ bigquery: 'bigquery/a.sql', duckdb: 'duckdb/a.sql' });
    expect(a.expectations[0].sql).to.deep.equal({ bigquery: 'bigquery/expectations/a.unique.sql', duckdb: 'duckdb/expectations/a.unique.sql' });
  });

  it('is byte-identical across compiles and leaves unchanged files untouched', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'sluice-target-'));
    await writeArtifact(project(['a', 'b']), out, '/project');
    const first = await readFile(path.join(out, 'manifest.json'), 'utf8');
    const mtime = (await stat(path.join(out, 'duckdb/a.sql'))).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    await writeArtifact(project(['a', 'b']), out, '/project');
    expect(await readFile(path.join(out, 'manifest.json'), 'utf8')).to.equal(first);
    expect((await stat(path.join(out, 'duckdb/a.sql'))).mtimeMs).to.equal(mtime);
  });

  it('removes stale SQL files of a previous compile but not unrelated files', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'sluice-target-'));
    await writeArtifact(project(['a', 'b']), out, '/project');
    await mkdir(path.join(out, 'preview'));
    await writeFile(path.join(out, 'preview/report.md'), '# keep me\n');
    const result = await writeArtifact(project(['a']), out, '/project');
    expect(result.removed).to.deep.equal(['bigquery/b.sql', 'bigquery/expectations/b.unique.sql', 'duckdb/b.sql', 'duckdb/expectations/b.unique.sql']);
    expect(await listAll(out)).to.deep.equal([
      'bigquery/a.sql', 'bigquery/expectations/a.unique.sql', 'duckdb/a.sql', 'duckdb/expectations/a.unique.sql', 'manifest.json', 'preview/report.md',
    ]);
  });

  it('removes every model file when the project has no models left', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'sluice-target-'));
    await writeArtifact(project(['a']), out, '/project');
    await writeArtifact(project([]), out, '/project');
    expect(await listAll(out)).to.deep.equal(['manifest.json']);
  });
});
