/**
 * The manifest: a JSON description of the compiled project (models, columns, lineage,
 * expectations, fingerprints, sources) that tools read instead of the SDK graph. Keys are
 * in a fixed order and call sites relative to the project root, so the same project
 * compiles to byte-identical manifests on any machine.
 */
import path from 'node:path';
import type { CallSite } from '../../sdk/callsite.js';
import { typeToString, type SqlField } from '../../sdk/schema.js';
import type { CompiledExpectation, CompiledModel, CompiledProject, CompiledSource, DialectName } from './types.js';

export const MANIFEST_VERSION = 1;

/** Where the SQL files of the artifact live, relative to the artifact folder. */
export const artifactPaths = {
  model: (dialect: DialectName, model: string) => `${dialect}/${model}.sql`,
  expectation: (dialect: DialectName, name: string) => `${dialect}/expectations/${name}.sql`,
};

/** The manifest object for `project`; `root` makes call sites relative. */
export function buildManifest(project: CompiledProject, root: string): unknown {
  const at = (site: CallSite) => `${path.relative(root, site.file).split(path.sep).join('/')}:${site.line}:${site.column}`;
  const dialects = dialectsOf(project);
  const columns = (fields: readonly SqlField[]) =>
    fields.map((f) => ({
      name: f.name,
      type: typeToString(f.type),
      nullable: f.type.nullable,
      ...(f.description !== undefined ? { description: f.description } : {}),
    }));
  const expectation = (e: CompiledExpectation) => ({
    name: e.name,
    kind: e.kind,
    severity: e.severity,
    description: e.description,
    site: at(e.site),
    sql: Object.fromEntries(dialects.map((d) => [d, artifactPaths.expectation(d, e.name)])),
  });
  const model = (m: CompiledModel) => ({
    name: m.name,
    pipeline: m.pipeline,
    materialize: m.materialize,
    ...(m.description !== undefined ? { description: m.description } : {}),
    fingerprint: m.fingerprint,
    site: at(m.site),
    columns: columns(m.columns),
    ...(m.partitionBy !== undefined ? { partitionBy: m.partitionBy } : {}),
    clusterBy: [...m.clusterBy],
    labels: Object.fromEntries(Object.entries(m.labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    dependsOn: { models: [...m.dependsOn.models], sources: [...m.dependsOn.sources] },
    readsPrevious: [...m.readsPrevious],
    sql: Object.fromEntries(dialects.map((d) => [d, artifactPaths.model(d, m.name)])),
    lineage: m.lineage.map((l) => ({ column: l.column, from: [...l.from] })),
    expectations: m.expectations.map(expectation),
  });
  const source = (s: CompiledSource) => ({
    name: s.name,
    ...(s.description !== undefined ? { description: s.description } : {}),
    site: at(s.site),
    columns: columns(s.columns),
  });
  return {
    manifestVersion: MANIFEST_VERSION,
    dialects,
    models: project.models.map(model),
    sources: project.sources.map(source),
  };
}

/** The dialects the project was compiled for, sorted. */
export function dialectsOf(project: CompiledProject): DialectName[] {
  const first = project.models[0];
  return first ? (Object.keys(first.ddl) as DialectName[]).sort() : [];
}
