/**
 * The compile driver: captured pipelines in, a CompiledProject out.
 *
 * capture (already done by loading) → project graph → per model, in dependency order:
 * plan → optimize → emit per dialect → lineage → fingerprint. Dialects arrive as values;
 * this module never names one.
 */
import { createHash } from 'node:crypto';
import { SluiceError } from '../sdk/errors.js';
import type { ModelSpec } from '../sdk/graph.js';
import type { Pipeline } from '../sdk/pipeline.js';
import type { SqlField } from '../sdk/schema.js';
import { columnLineage } from './artifact/lineage.js';
import type { CompiledExpectation, CompiledModel, CompiledProject, DialectName, PerDialect } from './artifact/types.js';
import type { Dialect, MaterializeSpec, TableNames } from './dialects/dialect.js';
import { projectGraph } from './graph/models.js';
import { exec, type Program } from './ir/program.js';
import type { Rel } from './ir/rel.js';
import { componentsProgram } from './programs/components.js';
import { splitComponents, type SplitModel } from './programs/split.js';
import type { ModelPlanner, PlanEnv } from './plan/api.js';
import type { Translator } from './translate/api.js';

export interface CompileOptions {
  readonly dialects: readonly Dialect[];
  /** Physical table names per dialect. */
  readonly names: Readonly<Record<DialectName, TableNames>>;
  readonly translator: Translator;
  readonly planner: ModelPlanner;
  /** Reports each compiled model (for progress display). */
  readonly onModel?: (model: CompiledModel, index: number, total: number) => void;
}

/** Compiles every model of the given pipelines. Throws a SluiceError on the first problem. */
export function compilePipelines(pipelines: readonly Pipeline[], options: CompileOptions): CompiledProject {
  const graph = projectGraph(pipelines);
  const schemas = new Map<string, readonly SqlField[]>();
  const fingerprints = new Map<string, string>();
  const env: PlanEnv = {
    translator: options.translator,
    modelSchema(name, site) {
      const schema = schemas.get(name);
      if (!schema) throw new SluiceError(`unknown model '${name}'`, site, 'write it with p.write(..., { name }) in some pipeline');
      return schema;
    },
    materializedAs: (node) => graph.writtenAs.get(node),
  };

  const models: Omit<CompiledModel, 'expectations'>[] = [];
  graph.models.forEach((spec) => {
    const rel = options.planner.optimize(options.planner.plan(spec, env));
    const columns = describeColumns(spec, rel.schema);
    checkTableOptions(spec, columns);
    schemas.set(spec.name, columns);

    const deps = graph.deps.get(spec.name)!;
    const materialize: MaterializeSpec = {
      name: spec.name,
      materialize: spec.materialize,
      ...(spec.description !== undefined ? { description: spec.description } : {}),
      columns,
      ...(spec.partitionBy !== undefined ? { partitionBy: spec.partitionBy } : {}),
      clusterBy: spec.clusterBy,
      labels: spec.labels,
    };
    const split = splitComponents(rel, spec.name);
    if (split.stages.length > 0 && spec.materialize === 'view') {
      throw new SluiceError(`model '${spec.name}' uses connectedComponents, which needs a loop: materialize it as a table`, spec.site);
    }
    const names = (d: Dialect) => withTempTables(options.names[d.name]);
    const query = perDialect(options, (d) => d.query(split.rel, names(d)));
    const programs = split.stages.length > 0 ? programsOf(options, split, materialize, query, names) : undefined;
    const ddl = perDialect(options, (d) =>
      programs ? d.script(programs[d.name]) : d.create(materialize, query[d.name], names(d)),
    );
    const fingerprint = fingerprintOf(ddl, deps.models.map((m) => fingerprints.get(m) ?? m));
    fingerprints.set(spec.name, fingerprint);

    models.push({
      name: spec.name,
      pipeline: spec.pipeline,
      materialize: spec.materialize,
      ...(spec.description !== undefined ? { description: spec.description } : {}),
      columns,
      ...(spec.partitionBy !== undefined ? { partitionBy: spec.partitionBy } : {}),
      clusterBy: spec.clusterBy,
      labels: spec.labels,
      dependsOn: { models: deps.models, sources: deps.sources },
      readsPrevious: deps.previous,
      query,
      ddl,
      ...(programs ? { program: programs } : {}),
      lineage: columnLineage(rel),
      fingerprint,
      site: spec.site,
    });
  });

  // Expectations may read models compiled later (a foreign key to a downstream model).
  const compiled = models.map((model, index): CompiledModel => {
    const full = { ...model, expectations: compileExpectations(graph.models[index]!, model.columns, env, options) };
    options.onModel?.(full, index, models.length);
    return full;
  });

  return {
    models: compiled,
    sources: graph.sources.map((s) => ({
      name: s.name,
      ...(s.description !== undefined ? { description: s.description } : {}),
      columns: s.schema,
      site: s.site,
    })),
  };
}

/** Temp tables of a model's program are unqualified names in every dialect. */
function withTempTables(names: TableNames): TableNames {
  return { table: (ref) => (ref.kind === 'temp' ? [ref.name] : names.table(ref)) };
}

/** The statements of a model that needs loops: each components stage, then the model. */
function programsOf(
  options: CompileOptions,
  split: SplitModel,
  materialize: MaterializeSpec,
  query: PerDialect,
  names: (d: Dialect) => TableNames,
): Readonly<Record<DialectName, Program>> {
  const out = {} as Record<DialectName, Program>;
  for (const d of options.dialects) {
    const steps = split.stages.flatMap((stage) => [
      exec(`CREATE OR REPLACE TEMP TABLE ${d.ident(stage.edgesTable)} AS\n${d.query(stage.input, names(d))}`),
      ...componentsProgram(d.components, {
        edges: [stage.edgesTable],
        output: [stage.outputTable],
        outputTemporary: true,
        prefix: stage.prefix,
        maxRounds: stage.maxRounds,
        quoting: d,
      }).steps,
    ]);
    const create = d.create(materialize, query[d.name], names(d)).replace(/;\s*$/, '');
    out[d.name] = { steps: [...steps, exec(create)] };
  }
  return out;
}

function perDialect(options: CompileOptions, render: (d: Dialect) => string): PerDialect {
  const out = {} as Record<DialectName, string>;
  for (const d of options.dialects) out[d.name] = render(d);
  return out;
}

/** Attaches `columns: {...}` descriptions; describing a column the model lacks is an error. */
function describeColumns(spec: ModelSpec, schema: readonly SqlField[]): SqlField[] {
  const names = new Set(schema.map((f) => f.name));
  for (const name of Object.keys(spec.columns)) {
    if (!names.has(name)) {
      throw new SluiceError(`model '${spec.name}' describes column '${name}', which it does not have`, spec.site, `its columns are: ${[...names].join(', ')}`);
    }
  }
  return schema.map((f) => {
    const description = spec.columns[f.name] ?? f.description;
    return description !== undefined ? { ...f, description } : { name: f.name, type: f.type };
  });
}

function checkTableOptions(spec: ModelSpec, columns: readonly SqlField[]): void {
  const byName = new Map(columns.map((c) => [c.name, c]));
  if (spec.partitionBy !== undefined) {
    const col = byName.get(spec.partitionBy);
    if (!col || (col.type.kind !== 'DATE' && col.type.kind !== 'TIMESTAMP')) {
      throw new SluiceError(`partitionBy '${spec.partitionBy}' of model '${spec.name}' must name a DATE or TIMESTAMP column`, spec.site);
    }
    if (spec.materialize === 'view') throw new SluiceError(`model '${spec.name}' is a view; only tables can be partitioned`, spec.site);
  }
  for (const c of spec.clusterBy) {
    if (!byName.has(c)) throw new SluiceError(`clusterBy column '${c}' is not a column of model '${spec.name}'`, spec.site);
  }
  if (spec.clusterBy.length && spec.materialize === 'view') {
    throw new SluiceError(`model '${spec.name}' is a view; only tables can be clustered`, spec.site);
  }
}

function compileExpectations(spec: ModelSpec, columns: readonly SqlField[], env: PlanEnv, options: CompileOptions): CompiledExpectation[] {
  const used = new Map<string, number>();
  return spec.expectations.map((e) => {
    const rel: Rel = options.planner.optimize(options.planner.planExpectation(e, { name: spec.name, columns }, env));
    const base = `${spec.name}.${e.spec.kind}`;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return {
      name: n === 1 ? base : `${base}_${n}`,
      kind: e.spec.kind,
      severity: e.severity,
      description: e.description ?? describeExpectation(e.spec),
      site: e.site,
      sql: perDialect(options, (d) => d.query(rel, options.names[d.name])),
    };
  });
}

function describeExpectation(spec: ModelSpec['expectations'][number]['spec']): string {
  switch (spec.kind) {
    case 'unique':
      return 'values are unique';
    case 'notNull':
      return 'values are not null';
    case 'acceptedValues':
      return `values are one of ${spec.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'relationships':
      return `values exist in ${spec.model}`;
    case 'rowCondition':
      return 'every row satisfies the condition';
    case 'rowCount':
      return `row count within [${spec.min ?? 0}, ${spec.max ?? '∞'}]`;
  }
}

/** sha256 over the model's DDL in every dialect and its parents' fingerprints. */
function fingerprintOf(ddl: PerDialect, parents: readonly string[]): string {
  const hash = createHash('sha256');
  for (const name of Object.keys(ddl).sort()) hash.update(`${name}\0${ddl[name as DialectName]}\0`);
  for (const p of parents) hash.update(`parent\0${p}\0`);
  return hash.digest('hex').slice(0, 16);
}
