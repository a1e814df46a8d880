/**
 * Documentation is part of the model: every model of pipelines/ — and every column of every
 * model and source — must carry a description in the compiled manifest (what analysts read
 * in the generated docs and BigQuery column options).
 */
import { expect } from 'chai';
import { buildManifest } from '../../src/compiler/artifact/manifest.js';
import { compileProject } from '../../src/compiler/index.js';
import { root } from './models-support.js';

interface ManifestColumn {
  name: string;
  description?: string;
}
interface ManifestTable {
  name: string;
  description?: string;
  columns: ManifestColumn[];
}
interface Manifest {
  models: ManifestTable[];
  sources: ManifestTable[];
}

/** "model 'x'" or "model 'x' column 'y'" for everything without a non-blank description. */
function undescribed(kind: string, tables: readonly ManifestTable[]): string[] {
  const blank = (text: string | undefined) => text === undefined || text.trim() === '';
  return tables.flatMap((t) => [
    ...(blank(t.description) ? [`${kind} '${t.name}'`] : []),
    ...t.columns.filter((c) => blank(c.description)).map((c) => `${kind} '${t.name}' column '${c.name}'`),
  ]);
}

describe('descriptions of every model and column in pipelines/', function () {
  this.timeout(120_000);
  let manifest: Manifest;
  before(async () => {
    manifest = buildManifest(await compileProject({ root }), root) as Manifest;
  });

  it('finds an undescribed model and column (the check itself)', () => {
    const tables = [{ name: 'm', columns: [{ name: 'a', description: 'A' }, { name: 'b', description: ' ' }] }];
    expect(undescribed('model', tables)).to.deep.equal(["model 'm'", "model 'm' column 'b'"]);
  });

  it('covers the master models and identity resolution', () => {
    const names = manifest.models.map((m) => m.name);
    expect(names).to.include.members(['transactions', 'events', 'customers', 'identity_records']);
  });

  it('describes every model and every model column', () => {
    expect(undescribed('model', manifest.models)).to.deep.equal([]);
  });

  it('describes every source and every source column', () => {
    expect(undescribed('source', manifest.sources)).to.deep.equal([]);
  });
});
