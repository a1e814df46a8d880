/** Process exit codes of the `sluice` command (documented in docs/cli.md). */
export const ExitCode = {
  /** Everything succeeded. */
  ok: 0,
  /** The run completed but error-severity expectations failed (the database was kept as it was). */
  expectationsFailed: 1,
  /** A problem in the project: pipeline code, environment file, data files, or SQL that failed. */
  projectError: 2,
  /** The command line was wrong (unknown command or option, bad option value). */
  usage: 64,
  /** A bug in Sluice itself: an unexpected exception. */
  internal: 70,
} as const;
