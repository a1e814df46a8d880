import { expect } from 'chai';
import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompiledModel, CompiledProject } from '../../src/compiler/artifact/types.js';
import { compile } from '../../src/compiler/index.js';
import { SluiceError } from '../../src/sdk/errors.js';
import { Pipeline } from '../../src/sdk/pipeline.js';
import type { SqlField } from '../../src/sdk/schema.js';
import { validateProject, type ValidationReport } from '../../src/validate/validate-project.js';
import { getSharedZetaSql } from '../../src/validate/zetasql/index.js';

const repo = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const shopRoot = path.join(repo, 'examples/shop');

async function validate(project: CompiledProject): Promise<ValidationReport> {
  return validateProject(project, { zeta: await getSharedZetaSql() });
}

/** A readable failure message: every issue with its position and step. */
function describeIssues(report: ValidationReport): string {
  return report.issues.map((i) => `${i.model} ${i.statement} ${i.line}:${i.column} ${i.message} [${i.pointer?.step?.name}]`).join('\n');
}

/** `project` with model `name` changed by `edit`. */
function withModel(project: CompiledProject, name: string, edit: (m: CompiledModel) => CompiledModel): CompiledProject {
  expect(project.models.map((m) => m.name)).to.include(name);
  return { ...project, models: project.models.map((m) => (m.name === name ? edit(m) : m)) };
}

/** The `.ts` modules under `dir` (tests and declarations excluded), sorted. */
async function modulesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/**
 * The pipelines `files` export. Loaded with require, like this test file itself: mocha runs
 * tests through tsx's CommonJS hook, and src/compiler/load.ts's import() would load a
 * second copy of the SDK whose Pipeline class `instanceof` does not recognize.
 */
function pipelinesIn(files: readonly string[]): Pipeline[] {
  const load = createRequire(import.meta.url);
  const found = new Set<Pipeline>();
  for (const file of files) {
    for (const value of Object.values(load(file) as Record<string, unknown>)) if (value instanceof Pipeline) found.add(value);
  }
  return [...found];
}

/** Compiles the pipelines of `files` as the CLI would. */
function compileFiles(files: readonly string[]): CompiledProject {
  return compile(pipelinesIn(files), { root: repo });
}

describe('sluice validate (validateProject)', function () {
  this.timeout(120_000);
  let shop: CompiledProject;

  before(async () => {
    shop = compileFiles(await modulesUnder(path.join(shopRoot, 'pipelines')));
  });

  it('passes every BigQuery statement of examples/shop and counts DDL, query and expectations', async () => {
    const report = await validate(shop);
    expect(report.ok, describeIssues(report)).to.equal(true);
    const expectations = shop.models.reduce((n, m) => n + m.expectations.length, 0);
    expect(expectations).to.be.greaterThan(0);
    expect(report.statements).to.equal(2 * shop.models.length + expectations);
    expect(report.models.map((m) => m.name)).to.deep.equal(shop.models.map((m) => m.name));
  });

  it('passes every BigQuery statement compiled from pipelines/', async () => {
    const files = (await modulesUnder(path.join(repo, 'pipelines'))).filter((f) => !f.split(path.sep).includes('test'));
    const project = compileFiles(files);
    const report = await validate(project);
    expect(report.ok, describeIssues(report)).to.equal(true);
    expect(report.models).to.have.length(project.models.length);
  });

  it('passes every BigQuery statement compiled from the test fixture pipelines', async () => {
    let models = 0;
    const fixtures = [...(await modulesUnder(path.join(repo, 'test/fixtures'))), ...(await modulesUnder(path.join(repo, 'test/e2e/fixtures')))];
    for (const file of fixtures) {
      const pipelines = pipelinesIn([file]);
      if (!pipelines.some((p) => p.models.length > 0)) continue;
      let project: CompiledProject;
      try {
        project = compile(pipelines, { root: repo });
      } catch (error) {
        // Fixtures of compile errors are the translator's tests; they have no SQL to check.
        if (error instanceof SluiceError) continue;
        throw error;
      }
      const report = await validate(project);
      expect(report.ok, `${path.relative(repo, file)}:\n${describeIssues(report)}`).to.equal(true);
      models += project.models.length;
    }
    expect(models, 'fixture models validated').to.be.greaterThan(3);
  });

  it('reports a broken statement with its model, line:col, SQL line and the step that produced it', async () => {
    const original = shop.models.find((m) => m.name === 'customers')!.ddl.bigquery;
    const broken = original.replace('LOWER(', 'LOWERR(');
    const lines = broken.split('\n');
    const line = lines.findIndex((l) => l.includes('LOWERR(')) + 1;
    const column = lines[line - 1]!.indexOf('LOWERR(') + 1;

    const report = await validate(withModel(shop, 'customers', (m) => ({ ...m, ddl: { ...m.ddl, bigquery: broken } })));
    expect(report.ok).to.equal(false);
    expect(report.issues).to.have.length(1);
    const [issue] = report.issues;
    expect(issue).to.deep.include({ model: 'customers', statement: 'DDL', line, column });
    expect(issue!.message).to.match(/Function not found: LOWERR/);
    expect(issue!.pointer!.sqlLine).to.equal(lines[line - 1]);
    expect(issue!.pointer!.caret).to.equal(`${' '.repeat(column - 1)}^`);
    // The first LOWER( is in the CTE of the `crm` map: customers.ts line 10, `.map(`.
    expect(issue!.pointer!.step).to.deep.equal({ name: 'customers/map', site: 'examples/shop/pipelines/customers.ts:10:6' });
    expect(issue!.site).to.deep.equal({ file: path.join(shopRoot, 'pipelines/customers.ts'), line: 10, column: 6 });
    expect(report.models.find((m) => m.name === 'customers')!.issues).to.have.length(1);
  });

  it('keeps checking models downstream of a broken one, with its declared columns', async () => {
    const report = await validate(
      withModel(shop, 'orders_per_email', (m) => ({ ...m, ddl: { ...m.ddl, bigquery: m.ddl.bigquery.replace('COUNT(', 'COUNTT(') } })),
    );
    expect(report.issues.map((i) => `${i.model} ${i.statement}`)).to.deep.equal(['orders_per_email DDL']);
    // customers reads orders_per_email: it was analyzed (and passed) against the declared table.
    expect(report.models.find((m) => m.name === 'customers')!.issues).to.deep.equal([]);
  });

  it('reports a broken expectation at the expectation step', async () => {
    const report = await validate(
      withModel(shop, 'order_customers', (m) => ({
        ...m,
        expectations: m.expectations.map((e) => ({ ...e, sql: { ...e.sql, bigquery: e.sql.bigquery.replace('__ref_found IS NULL', '__ref_fund IS NULL') } })),
      })),
    );
    expect(report.issues).to.have.length(1);
    const [issue] = report.issues;
    expect(issue).to.deep.include({ model: 'order_customers', statement: 'expectation order_customers.relationships' });
    expect(issue!.message).to.match(/Unrecognized name: __ref_fund/);
    expect(issue!.pointer!.step!.name).to.equal('order_customers/expect/relationships');
    expect(issue!.site.file).to.equal(path.join(shopRoot, 'pipelines/customers.ts'));
  });

  it('reports output columns that differ from the SDK-inferred columns', async () => {
    const retype = (columns: readonly SqlField[]): SqlField[] =>
      columns.map((c) => (c.name === 'revenue' ? { ...c, type: { kind: 'INT64', nullable: true } } : c));
    const report = await validate(withModel(shop, 'orders_per_email', (m) => ({ ...m, columns: retype(m.columns) })));
    expect(report.issues.map((i) => `${i.model} ${i.statement}: ${i.message}`)).to.deep.equal([
      "orders_per_email query: output columns differ from the SDK's: column revenue: the SDK infers INT64, the SQL produces FLOAT64",
    ]);
    const model = shop.models.find((m) => m.name === 'orders_per_email')!;
    expect(report.issues[0]!.site).to.deep.equal(model.site);
  });

  it('analyzes a script DDL statement by statement and locates its errors', async () => {
    const script = (body: string) =>
      [
        'DECLARE n INT64 DEFAULT 0;',
        'CREATE TEMP TABLE seen AS SELECT order_id FROM `analytics`.`clean_orders`;',
        'LOOP',
        `  SET n = n + ${body};`,
        '  IF n > 3 THEN LEAVE; END IF;',
        'END LOOP;',
        'CREATE OR REPLACE TABLE `analytics`.`order_lines` AS SELECT order_id, 1 AS line, order_id AS sku FROM seen;',
      ].join('\n');
    const good = await validate(withModel(shop, 'order_lines', (m) => ({ ...m, ddl: { ...m.ddl, bigquery: script('1') } })));
    expect(good.ok, describeIssues(good)).to.equal(true);
    const bad = await validate(withModel(shop, 'order_lines', (m) => ({ ...m, ddl: { ...m.ddl, bigquery: script('nope') } })));
    expect(bad.issues.map((i) => `${i.model} ${i.statement} ${i.line}:${i.column} ${i.message}`)).to.deep.equal([
      'order_lines DDL 4:15 Unrecognized name: nope',
    ]);
  });
});
