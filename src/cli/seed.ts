/**
 * `sluice seed`: writes the project's generated sample data (one file per source, plus the
 * generator's ground truth) into a folder, deterministically from a seed.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { SluiceError } from '../sdk/errors.js';
import { nonNegativeInt, positiveNumber } from './arguments.js';
import { ExitCode } from './exit-codes.js';
import { shortPath } from './output/format.js';
import type { Write } from './output/progress.js';
import { projectRoot, type GlobalOptions } from './project.js';
import { generateSampleData, isEmptyDataDir } from './sample-data.js';

interface SeedOptions {
  readonly out: string;
  readonly seed: number;
  readonly scale: number;
  readonly force?: boolean;
}

export function seedCommand(program: Command, io: { err: Write }): Command {
  return program
    .command('seed')
    .description("write the project's generated sample data: one file per source, deterministic per seed")
    .option('-o, --out <dir>', 'folder to write, relative to the project', '.sluice/data')
    .option('--seed <n>', 'generator seed: the same seed writes the same bytes', nonNegativeInt, 42)
    .option('--scale <x>', 'size multiplier (1 is a few hundred people)', positiveNumber, 1)
    .option('--force', 'write into a folder that already holds files (they may be overwritten)')
    .addHelpText(
      'after',
      `
Uses the project's generator (pipelines/sample-data.ts exporting generate(dir, { seed, scale })).
A folder that already holds files is refused unless --force, so no data is overwritten by accident.

Examples:
  $ sluice seed
  $ sluice seed --scale 20 --seed 7 --out /tmp/customers-20x`,
    )
    .action(async (options: SeedOptions, command: Command) => {
      const root = projectRoot(command.optsWithGlobals<GlobalOptions>());
      const dir = path.resolve(root, options.out);
      if (!options.force && !(await isEmptyDataDir(dir))) {
        throw new SluiceError(`${shortPath(dir)} already holds files`, undefined, 'choose another --out, or pass --force to write into it');
      }
      const started = performance.now();
      const module = await generateSampleData(root, dir, { seed: options.seed, scale: options.scale });
      io.err(`wrote sample data to ${shortPath(dir)} with ${shortPath(module)} (seed ${options.seed}, scale ${options.scale}) in ${Math.round(performance.now() - started)}ms`);
      command.setOptionValue('exitCode', ExitCode.ok);
    });
}
