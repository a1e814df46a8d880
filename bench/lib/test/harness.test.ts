import { expect } from 'chai';
import { parseCompileOptions } from '../compile-bench/options.js';
import { areaOf } from '../cpu-profile.js';
import { canMeasureMemory, measure } from '../measure.js';
import { parseStat } from '../proc-tree.js';
import { formatRatio, median } from '../stats.js';
import { renderTable } from '../table.js';

describe('bench: harness helpers', () => {
  it('takes the median of odd and even samples', () => {
    expect(median([3, 1, 2])).to.equal(2);
    expect(median([4, 1, 3, 2])).to.equal(2.5);
    expect(() => median([])).to.throw(RangeError);
  });

  it('parses /proc/<pid>/stat, whose command name may hold spaces and parentheses', () => {
    const fields = ['S', '41', ...Array.from({ length: 9 }, () => '0'), '250', '30', ...Array.from({ length: 6 }, () => '0'), '98765', '0', '0'];
    expect(parseStat(`123 (node (worker) x) ${fields.join(' ')}`)).to.deep.equal({ pid: 123, ppid: 41, cpuTicks: 280, start: '98765' });
    expect(parseStat('garbage')).to.equal(undefined);
  });

  it('measures a child: exit code, output and wall time', async () => {
    const result = await measure(process.execPath, ['-e', 'console.log("hi"); process.exit(3)']);
    expect(result.exitCode).to.equal(3);
    expect(result.stdout.trim()).to.equal('hi');
    expect(result.wallMs).to.be.greaterThan(0);
  });

  // Dataform's pattern: the work happens in a forked worker that is SIGKILLed, never reaped.
  it('counts CPU and memory of a grandchild that is killed and never waited for', async () => {
    const worker = 'const b = Buffer.alloc(96 * 1024 * 1024, 1); const end = Date.now() + 400; while (Date.now() < end); process.send("done"); setInterval(() => {}, 1000);';
    const parent = `const w = require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(worker)}], { stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
      w.on('message', () => { w.kill('SIGKILL'); process.exit(0); });`;
    const result = await measure(process.execPath, ['-e', parent]);
    expect(result.exitCode).to.equal(0);
    if (canMeasureMemory()) {
      expect(result.maxRssKb).to.be.greaterThan(96 * 1024);
      expect(result.cpuMs).to.be.at.least(300);
    } else {
      expect(result.maxRssKb).to.equal(undefined);
    }
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
