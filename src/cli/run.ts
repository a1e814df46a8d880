/** `sluice run`: compile, load sources, build every model on DuckDB, check expectations. */
import type { Command } from 'commander';
import { nonNegativeInt, positiveInt, positiveNumber } from './arguments.js';
import path from 'node:path';
import pc from 'picocolors';
import { writeArtifact } from '../compiler/artifact/write.js';
import { runProject } from '../runners/duckdb/run-project.js';
import { SluiceError } from '../sdk/errors.js';
import { ExitCode } from './exit-codes.js';
import { shortPath } from './output/format.js';
import { progressPrinter, type Write } from './output/progress.js';
import { renderSummary } from './output/summary.js';
import { compileWithProgress, environment, projectRoot, type GlobalOptions } from './project.js';
import { ensureSampleData } from './sample-data.js';

interface RunOptions {
  readonly env: string;
  readonly data?: string;
  readonly database?: string;
  readonly select?: string[];
  readonly concurrency: number;
  readonly out: string;
  readonly seed: number;
  readonly scale: number;
}

export function runCommand(program: Command, io: { out: Write; err: Write }): Command {
  return program
    .command('run')
    .description('run the pipelines locally on DuckDB: load sources, build models, check expectations')
    .option('-e, --env <name>', 'environment (must use a duckdb warehouse)', 'local')
    .option('-d, --data <dir>', "folder of source files (default: the environment's sourcesDir)")
    .option('--database <file>', "DuckDB file to build (default: the environment's path)")
    .option('-s, --select <model...>', 'build only these models: name, +name (with upstream), name+ (with downstream)')
    .option('-j, --concurrency <n>', 'models built at the same time', positiveInt, 4)
    .option('-o, --out <dir>', 'where the compiled SQL is written', 'target')
    .option('--seed <n>', 'seed for generated sample data', nonNegativeInt, 42)
    .option('--scale <x>', 'size multiplier for generated sample data', positiveNumber, 1)
    .addHelpText(
      'after',
      `
Sources are read from <data>/<source>.csv|.parquet|.ndjson|.jsonl. When that folder
is missing or empty, the project's sample-data generator (pipelines/sample-data.ts)
fills it first. The run builds into a copy of the database and replaces it only when
every model built and no error-severity expectation failed.

Examples:
  $ sluice run
  $ sluice run --data ./exports --select +customers
  $ sluice run --select transactions+ --concurrency 2`,
    )
    .action(async (options: RunOptions, command: Command) => {
      const root = projectRoot(command.optsWithGlobals<GlobalOptions>());
      const env = await environment(root, options.env);
      if (env.warehouse.type !== 'duckdb') {
        throw new SluiceError(
          `environment '${env.name}' uses BigQuery; sluice run executes locally on DuckDB`,
          undefined,
          'use an environment with warehouse.type: duckdb, such as --env local',
        );
      }
      const dataDir = path.resolve(root, options.data ?? env.warehouse.sourcesDir);
      const databasePath = path.resolve(root, options.database ?? env.warehouse.path);
      const generator = await ensureSampleData(root, dataDir, { seed: options.seed, scale: options.scale });
      if (generator) io.err(`generated sample data in ${shortPath(dataDir)} with ${shortPath(generator)} (seed ${options.seed}, scale ${options.scale})`);

      const compiled = await compileWithProgress(root, env, io.err);
      const out = path.resolve(root, options.out);
      await writeArtifact(compiled, out, root);
      const summary = await runProject(compiled, {
        databasePath,
        sourcesDir: dataDir,
        concurrency: options.concurrency,
        ...(options.select ? { select: options.select } : {}),
        onEvent: progressPrinter(io.err),
        sqlDir: shortPath(out),
      });
      io.out('');
      io.out(renderSummary(summary, shortPath(databasePath)));
      if (!summary.ok) io.err(pc.red('error-severity expectations failed'));
      command.setOptionValue('exitCode', summary.ok ? ExitCode.ok : ExitCode.expectationsFailed);
    });
}
