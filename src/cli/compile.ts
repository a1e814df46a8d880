/** `sluice compile`: writes the artifact (SQL per model and dialect, manifest.json). */
import type { Command } from 'commander';
import path from 'node:path';
import { writeArtifact } from '../compiler/artifact/write.js';
import { ExitCode } from './exit-codes.js';
import { shortPath } from './output/format.js';
import type { Write } from './output/progress.js';
import { compileWithProgress, environment, projectRoot, type GlobalOptions } from './project.js';

interface CompileOptions {
  readonly out: string;
  readonly env?: string;
}

export function compileCommand(program: Command, io: { err: Write }): Command {
  return program
    .command('compile')
    .description('compile the pipelines to BigQuery and DuckDB SQL and write the artifact folder')
    .option('-o, --out <dir>', 'artifact folder, relative to the project', 'target')
    .option('-e, --env <name>', "bind table names to this environment's datasets (default: built-in names)")
    .addHelpText(
      'after',
      `
Writes <out>/manifest.json, <out>/<dialect>/<model>.sql and
<out>/<dialect>/expectations/<name>.sql. Repeated compiles are byte-identical;
files of models that no longer exist are removed.

Examples:
  $ sluice compile
  $ sluice compile --out build/artifact --env prod`,
    )
    .action(async (options: CompileOptions, command: Command) => {
      const root = projectRoot(command.optsWithGlobals<GlobalOptions>());
      const env = options.env ? await environment(root, options.env) : undefined;
      const compiled = await compileWithProgress(root, env, io.err);
      const out = path.resolve(root, options.out);
      const result = await writeArtifact(compiled, out, root);
      io.err(`wrote ${result.files.length} files to ${shortPath(out)}${result.removed.length ? `, removed ${result.removed.length} stale` : ''}`);
      command.setOptionValue('exitCode', ExitCode.ok);
    });
}
