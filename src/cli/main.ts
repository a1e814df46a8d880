/**
 * The `sluice` command: builds the commander program from one module per command, runs
 * it, and maps the outcome to an exit code (see exit-codes.ts).
 */
import { Command, CommanderError } from 'commander';
import { compileCommand } from './compile.js';
import { reportError } from './errors.js';
import { explainIdentityCommand } from './explain-identity.js';
import { ExitCode } from './exit-codes.js';
import type { Write } from './output/progress.js';
import { runCommand } from './run.js';
import { seedCommand } from './seed.js';
import { validateCommand } from './validate.js';

export interface Io {
  readonly out: Write;
  readonly err: Write;
}

const stdio: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Builds the program; exported for tests. */
export function createProgram(io: Io = stdio): Command {
  const program = new Command('sluice')
    .description('Typed TypeScript pipelines compiled to BigQuery and DuckDB SQL')
    .option('-C, --project <dir>', 'project root', '.')
    .option('-v, --verbose', 'show stack traces (also SLUICE_DEBUG=1)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out(text.trimEnd()),
      writeErr: (text) => io.err(text.trimEnd()),
    })
    .addHelpText(
      'after',
      `
Examples:
  $ sluice run                      build everything locally on DuckDB
  $ sluice run --select +customers  build customers and what it reads
  $ sluice compile                  write target/ (SQL + manifest.json)
  $ sluice validate                 check every BigQuery statement offline (ZetaSQL)
  $ sluice explain-identity <id>    why records are one customer (after sluice run)
  $ sluice seed --scale 10          write generated sample data to .sluice/data

Exit codes: 0 ok, 1 expectations failed, 2 project error, 64 usage error, 70 internal error.`,
    );
  runCommand(program, io).exitOverride();
  compileCommand(program, io).exitOverride();
  validateCommand(program, io).exitOverride();
  explainIdentityCommand(program, io).exitOverride();
  seedCommand(program, io).exitOverride();
  return program;
}

/** Runs the CLI with `argv` (as in process.argv) and returns the exit code. */
export async function main(argv: readonly string[], io: Io = stdio): Promise<number> {
  const program = createProgram(io);
  let exitCode: number = ExitCode.ok;
  try {
    program.hook('postAction', (_root, action) => {
      exitCode = Number(action.getOptionValue('exitCode') ?? ExitCode.ok);
    });
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    return reportError(error, program.opts<{ verbose?: boolean }>().verbose, io.err);
  }
}
