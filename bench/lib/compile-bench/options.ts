/** Command-line options of `npm run bench -- compile`. */
import { parseArgs } from 'node:util';

export interface CompileBenchOptions {
  /** Project sizes, in models. */
  readonly sizes: readonly number[];
  /** Timed runs per size and tool; the median is reported. */
  readonly runs: number;
  readonly skipSluice: boolean;
  readonly skipDataform: boolean;
  /** Writes a V8 CPU profile of one extra Sluice compile of the largest size. */
  readonly cpuProf: boolean;
}

export const usage = `npm run bench -- compile [options]

  --sizes 10,100,1000   project sizes in models (default 10,100,1000)
  --runs N              timed runs per size and tool; the median is reported (default 3)
  --skip-dataform       measure Sluice only
  --skip-sluice         measure Dataform only
  --cpu-prof            also profile one Sluice compile of the largest size
                        (writes bench/.work/profiles/*.cpuprofile and prints the top functions)
  --help                this text`;

/** Parses `args`; throws an Error with a readable message on bad input. */
export function parseCompileOptions(args: readonly string[]): CompileBenchOptions | 'help' {
  const { values } = parseArgs({
    args: [...args],
    options: {
      sizes: { type: 'string', default: '10,100,1000' },
      runs: { type: 'string', default: '3' },
      'skip-dataform': { type: 'boolean', default: false },
      'skip-sluice': { type: 'boolean', default: false },
      'cpu-prof': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 2)) throw new Error(`--sizes must be integers >= 2, got '${values.sizes}'`);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got '${values.runs}'`);
  return {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    runs,
    skipSluice: values['skip-sluice'],
    skipDataform: values['skip-dataform'],
    cpuProf: values['cpu-prof'],
  };
}
