import { expect } from 'chai';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderIssue } from '../../src/cli/validate.js';

const repo = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

function sluice(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repo, 'bin/sluice.js'), ...args], { cwd: repo, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('sluice validate (CLI)', function () {
  this.timeout(120_000);

  it('validates examples/shop: a line per model, a summary, exit 0', async () => {
    const r = await sluice(['-C', 'examples/shop', 'validate']);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stderr).to.match(/^ok +clean_orders 5 statements$/m);
    expect(r.stderr).to.match(/^ok +order_sessions 2 statements$/m);
    expect(r.stdout).to.match(/^validated 22 statements of 8 models in /m);
  });

  it('renders an issue with the SQL line, a caret under the column and the step call site', () => {
    process.env.NO_COLOR = '1';
    const text = renderIssue({
      model: 'customers',
      statement: 'DDL',
      message: 'Unrecognized name: nope',
      line: 12,
      column: 5,
      pointer: { sqlLine: '    nope AS x,', caret: '    ^', step: { name: 'customers/map', site: 'pipelines/customers.ts:10:6' } },
      site: { file: path.join(process.cwd(), 'pipelines/customers.ts'), line: 10, column: 6 },
    }).replace(/\u001b\[[0-9;]*m/g, '');
    expect(text.split('\n')).to.deep.equal([
      'error customers DDL 12:5: Unrecognized name: nope',
      '  12 |     nope AS x,',
      '     |     ^',
      '  from step customers/map at pipelines/customers.ts:10:6',
    ]);
  });
});
