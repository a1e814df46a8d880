/**
 * `sluice validate`: compiles the project and analyzes every BigQuery statement offline with
 * ZetaSQL (see src/validate/validate-project.ts), printing one line per model, each problem
 * with its SQL line and TypeScript call site, and a summary.
 */
import type { Command } from 'commander';
import pc from 'picocolors';
import { defaultNames } from '../compiler/names.js';
import { dialectOf, tableNames } from '../deploy/environments/table-names.js';
import type { ModelValidation, ValidationIssue } from '../validate/validate-project.js';
import { ExitCode } from './exit-codes.js';
import { duration, site } from './output/format.js';
import type { Write } from './output/progress.js';
import { compileWithProgress, environment, projectRoot, type GlobalOptions } from './project.js';

interface ValidateOptions {
  readonly env?: string;
}

export function validateCommand(program: Command, io: { out: Write; err: Write }): Command {
  return program
    .command('validate')
    .description('analyze every compiled BigQuery statement offline with ZetaSQL and check model columns')
    .option('-e, --env <name>', "resolve tables with this environment's BigQuery datasets (default: built-in names)")
    .addHelpText(
      'after',
      `
Checks each model's CREATE statement and query, and every expectation query, against
the sources' declared schemas and the models upstream of it, and that each model's
SQL produces exactly the columns and types the pipeline code declares. No cloud
account is needed. Exits 2 when any statement fails.

Examples:
  $ sluice validate
  $ sluice validate --env prod`,
    )
    .action(async (options: ValidateOptions, command: Command) => {
      const root = projectRoot(command.optsWithGlobals<GlobalOptions>());
      const env = options.env ? await environment(root, options.env) : undefined;
      const compiled = await compileWithProgress(root, env, io.err);
      // Loaded on demand, like the compiler: --help should not load the gRPC client.
      const { validateProject } = await import('../validate/validate-project.js');
      const { getSharedZetaSql } = await import('../validate/zetasql/index.js');
      const started = performance.now();
      const zeta = await getSharedZetaSql();
      const report = await validateProject(compiled, {
        zeta,
        names: env && dialectOf(env) === 'bigquery' ? tableNames(env) : defaultNames.bigquery,
        onModel: (model) => io.err(progressLine(model)),
      });
      for (const issue of report.issues) io.out(renderIssue(issue));
      const failed = report.models.filter((m) => m.issues.length > 0).length;
      const summary = `${report.statements} statements of ${report.models.length} models in ${duration(performance.now() - started)}`;
      io.out(report.ok ? pc.green(`validated ${summary}`) : pc.red(`${report.issues.length} problem${report.issues.length === 1 ? '' : 's'} in ${failed} model${failed === 1 ? '' : 's'}; analyzed ${summary}`));
      command.setOptionValue('exitCode', report.ok ? ExitCode.ok : ExitCode.projectError);
    });
}

function progressLine(model: ModelValidation): string {
  const what = pc.dim(`${model.statements} statements`);
  return model.issues.length === 0 ? `${pc.green('ok   ')} ${model.name} ${what}` : `${pc.red('FAIL ')} ${model.name} ${what}`;
}

/**
 * `error <model> <statement> line:col: message`, then the SQL line with a caret and the step
 * and TypeScript call site that produced it.
 */
export function renderIssue(issue: ValidationIssue): string {
  const at = issue.line !== undefined ? ` ${issue.line}:${issue.column}` : '';
  const lines = [`${pc.red('error')} ${issue.model} ${issue.statement}${at}: ${issue.message}`];
  if (issue.pointer) {
    const gutter = String(issue.line).length;
    lines.push(pc.dim(`  ${String(issue.line)} | `) + issue.pointer.sqlLine, pc.dim(`  ${' '.repeat(gutter)} | `) + pc.red(issue.pointer.caret));
  }
  const step = issue.pointer?.step ? `step ${issue.pointer.step.name} at ` : '';
  lines.push(`  ${pc.cyan('from')} ${step}${site(issue.site)}`);
  return lines.join('\n');
}
