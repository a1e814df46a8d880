/**
 * `sluice validate`'s engine: analyzes every compiled BigQuery statement of a project with
 * ZetaSQL — each model's DDL and query, and every expectation — against a catalog of the
 * sources' declared schemas plus the models built so far, and checks that each model's SQL
 * produces exactly the columns the SDK inferred.
 *
 * Models are analyzed in waves of the dependency graph: a wave holds the models whose
 * upstream models are all in earlier waves, so its statements run concurrently against one
 * catalog registration. A model joins the catalog with the columns its DDL resolved to
 * (what BigQuery would create), or its declared columns when the DDL failed, so the
 * models downstream of a broken one are still checked. Expectations (which may read
 * models downstream of their own) run last, against the full catalog.
 */
import type { CompiledModel, CompiledProject } from '../compiler/artifact/types.js';
import type { TableNames } from '../compiler/dialects/dialect.js';
import { defaultNames } from '../compiler/names.js';
import type { SqlField } from '../sdk/schema.js';
import { columnDifferences } from './check/columns.js';
import { analyzeStatement, isScript, issueAt, type Statement, type ValidationIssue } from './check/statements.js';
import { Catalog, type ZetaSqlServer } from './zetasql/index.js';

export type { ValidationIssue };

export interface ValidateOptions {
  /** A running ZetaSQL server (usually `await getSharedZetaSql()`). */
  readonly zeta: ZetaSqlServer;
  /** The BigQuery table names the project was compiled with; default the built-in names. */
  readonly names?: TableNames;
  /** The directory step comments' paths are relative to (the compile's cwd); default cwd. */
  readonly root?: string;
  /** Called once per model, in dependency order, when all its statements are analyzed. */
  readonly onModel?: (model: ModelValidation, index: number, total: number) => void;
}

/** The outcome for one model: its DDL, query and expectations. */
export interface ModelValidation {
  readonly name: string;
  /** Statements analyzed: DDL, query, and one per expectation. */
  readonly statements: number;
  readonly issues: readonly ValidationIssue[];
}

export interface ValidationReport {
  readonly ok: boolean;
  readonly models: readonly ModelValidation[];
  readonly statements: number;
  readonly issues: readonly ValidationIssue[];
}

/** Validates every BigQuery statement of `project`. Invalid SQL is reported, not thrown. */
export async function validateProject(project: CompiledProject, options: ValidateOptions): Promise<ValidationReport> {
  const names = options.names ?? defaultNames.bigquery;
  const root = options.root ?? process.cwd();
  const pathOf = (kind: 'source' | 'model', name: string) => names.table({ kind, name });
  const catalog = Catalog.of(project.sources.map((s) => ({ path: pathOf('source', s.name), columns: s.columns })));
  // A previous version is the model's own table as the last run left it: there before the run.
  const previous = new Set(project.models.flatMap((m) => m.readsPrevious));
  for (const model of project.models) {
    if (previous.has(model.name)) catalog.addTable({ path: pathOf('model', model.name), columns: model.columns });
  }

  const issues = new Map<string, ValidationIssue[]>(project.models.map((m) => [m.name, []]));
  for (const wave of waves(project.models)) {
    const outcomes = await Promise.all(wave.map((model) => checkModel(options.zeta, model, catalog, root)));
    wave.forEach((model, i) => {
      const { found, columns } = outcomes[i]!;
      issues.get(model.name)!.push(...found);
      catalog.addTable({ path: pathOf('model', model.name), columns: columns ?? model.columns });
    });
  }

  const expectations = project.models.flatMap((model) =>
    model.expectations.map((e): Statement => ({ model: model.name, label: `expectation ${e.name}`, sql: e.sql.bigquery, fallback: e.site, root })),
  );
  const verdicts = await Promise.all(expectations.map((s) => analyzeStatement(options.zeta, s, catalog)));
  verdicts.forEach((v, i) => {
    if (!v.ok) issues.get(expectations[i]!.model)!.push(v.issue);
  });

  const models = project.models.map((model, index): ModelValidation => {
    const queries = isScript(model.ddl.bigquery) ? 1 : 2;
    const result = { name: model.name, statements: queries + model.expectations.length, issues: issues.get(model.name)! };
    options.onModel?.(result, index, project.models.length);
    return result;
  });
  const all = models.flatMap((m) => m.issues);
  return { ok: all.length === 0, models, statements: models.reduce((n, m) => n + m.statements, 0), issues: all };
}

/**
 * Analyzes a model's DDL and its query; compares the query's columns with the SDK's.
 * Returns the issues and the columns the DDL creates (undefined when it failed). A script's
 * query reads the temp tables the script creates, so only the script is analyzed (and the
 * column check, which needs the query alone, is skipped).
 */
async function checkModel(
  zeta: ZetaSqlServer,
  model: CompiledModel,
  catalog: Catalog,
  root: string,
): Promise<{ found: ValidationIssue[]; columns?: readonly SqlField[] }> {
  const statement = (label: string, sql: string): Statement => ({ model: model.name, label, sql, fallback: model.site, root });
  const ddl = statement('DDL', model.ddl.bigquery);
  const query = statement('query', model.query.bigquery);
  const script = isScript(ddl.sql);
  const [ddlOutcome, queryOutcome] = await Promise.all([
    analyzeStatement(zeta, ddl, catalog),
    script ? undefined : analyzeStatement(zeta, query, catalog),
  ]);
  // The query is part of the DDL: when both fail, the DDL's error says it all.
  if (!ddlOutcome.ok) return { found: [ddlOutcome.issue] };
  const created = ddlOutcome.columns ? { columns: ddlOutcome.columns } : {};
  if (!queryOutcome) return { found: [], ...created };
  if (!queryOutcome.ok) return { found: [queryOutcome.issue], ...created };
  const found = queryOutcome.columns
    ? columnDifferences(model.columns, queryOutcome.columns).map((problem) => issueAt(query, `output columns differ from the SDK's: ${problem}`))
    : [];
  return { found, ...created };
}

/** Models grouped so that each model's upstream models are all in earlier groups. */
function waves(models: readonly CompiledModel[]): CompiledModel[][] {
  const level = new Map<string, number>();
  const groups: CompiledModel[][] = [];
  for (const model of models) {
    // `models` is in dependency order, so every upstream level is known already.
    const n = Math.max(-1, ...model.dependsOn.models.map((m) => level.get(m) ?? -1)) + 1;
    level.set(model.name, n);
    (groups[n] ??= []).push(model);
  }
  return groups;
}
