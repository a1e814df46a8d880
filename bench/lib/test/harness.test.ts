import { expect } from 'chai';
import { parseCompileOptions } from '../compile-bench/options.js';
import { areaOf } from '../cpu-profile.js';
import { canMeasureMemory, measure, parseCpuMs, parseMaxRss } from '../measure.js';
import { formatRatio, median } from '../stats.js';
import { renderTable } from '../table.js';

describe('bench: harness helpers', () => {
  it('takes the median of odd and even samples', () => {
    expect(median([3, 1, 2])).to.equal(2);
    expect(median([4, 1, 3, 2])).to.equal(2.5);
    expect(() => median([])).to.throw(RangeError);
  });

  it('reads the peak RSS from a GNU time report', () => {
    expect(parseMaxRss('\tUser time (seconds): 0.01\n\tMaximum resident set size (kbytes): 41234\n')).to.equal(41234);
    expect(parseMaxRss('nothing here')).to.equal(undefined);
  });

  it('reads user + system CPU time from a GNU time report', () => {
    expect(parseCpuMs('\tUser time (seconds): 1.25\n\tSystem time (seconds): 0.50\n')).to.equal(1750);
    expect(parseCpuMs('\tUser time (seconds): 1.25\n')).to.equal(undefined);
  });

  it('measures a child: exit code, output, wall time and (with GNU time) peak RSS', async () => {
    // Allocates ~64 MB so the peak RSS is clearly above node's baseline.
    const result = await measure(process.execPath, ['-e', 'const b = Buffer.alloc(64 * 1024 * 1024, 1); console.log(b[0]); process.exit(3)']);
    expect(result.exitCode).to.equal(3);
    expect(result.stdout.trim()).to.equal('1');
    expect(result.wallMs).to.be.greaterThan(0);
    if (canMeasureMemory()) {
      expect(result.maxRssKb).to.be.greaterThan(64 * 1024);
      expect(result.cpuMs).to.be.a('number');
    } else expect(result.maxRssKb).to.equal(undefined);
  });

  it('buckets profile frames by package and source folder', () => {
    const root = '/repo';
    expect(areaOf('file:///repo/node_modules/typescript/lib/typescript.js', 'checkExpression', root)).to.equal('typescript');
    expect(areaOf('file:///repo/node_modules/@ts-morph/common/dist/x.js', 'f', root)).to.equal('@ts-morph/common');
    expect(areaOf('file:///repo/src/compiler/translate/entry.ts', 'f', root)).to.equal('src/compiler/translate');
    expect(areaOf('file:///repo/bench/.work/compile/sluice-10/pipelines/m0.ts', 'f', root)).to.equal('generated pipelines');
    expect(areaOf('node:internal/modules/esm/loader', 'f', root)).to.equal('node internals');
    expect(areaOf('', '(garbage collector)', root)).to.equal('(garbage collector)');
  });

  it('parses options and rejects bad ones', () => {
    expect(parseCompileOptions([])).to.deep.include({ sizes: [10, 100, 1000], runs: 3, skipDataform: false });
    expect(parseCompileOptions(['--sizes', '100,10', '--runs', '1', '--skip-dataform'])).to.deep.include({ sizes: [10, 100], runs: 1, skipDataform: true });
    expect(parseCompileOptions(['--help'])).to.equal('help');
    expect(() => parseCompileOptions(['--runs', '0'])).to.throw(/--runs/);
    expect(() => parseCompileOptions(['--sizes', '10,x'])).to.throw(/--sizes/);
    expect(() => parseCompileOptions(['--bogus'])).to.throw();
  });

  it('formats ratios and aligns tables', () => {
    expect(formatRatio(10, 4)).to.equal('2.50×');
    expect(formatRatio(undefined, 4)).to.equal('n/a');
    expect(renderTable(['a', 'bb'], [['x', '1'], ['yy', '22']]).split('\n')).to.deep.equal(['a   bb', '--  --', 'x    1', 'yy  22']);
  });
});
