import { expect } from 'chai';
import { runGraph, TasksFailed } from '../../../src/runners/duckdb/schedule.js';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('runGraph', () => {
  it('never runs more than `concurrency` tasks at once and respects dependencies', async () => {
    const tasks = ['a', 'b', 'c', 'd', 'e'].map((name) => ({ name, after: name === 'e' ? ['a', 'b', 'c', 'd'] : [] }));
    let inFlight = 0;
    let peak = 0;
    const done: string[] = [];
    await runGraph(tasks, 2, async (t) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      if (t.name === 'e') expect(done).to.have.members(['a', 'b', 'c', 'd']);
      await tick();
      done.push(t.name);
      inFlight--;
    });
    expect(peak).to.equal(2);
    expect(done.at(-1)).to.equal('e');
  });

  it('starts nothing new after a failure and reports it', async () => {
    const started: string[] = [];
    const tasks = [{ name: 'a', after: [] }, { name: 'b', after: ['a'] }];
    let error: unknown;
    await runGraph(tasks, 2, async (t) => {
      started.push(t.name);
      throw new Error(`boom ${t.name}`);
    }).catch((e) => (error = e));
    expect(error).to.be.instanceOf(TasksFailed);
    expect((error as TasksFailed).errors.map((e) => e.name)).to.deep.equal(['a']);
    expect(started).to.deep.equal(['a']);
  });

  it('refuses a cycle before running anything', async () => {
    let ran = false;
    let error: unknown;
    await runGraph([{ name: 'a', after: ['b'] }, { name: 'b', after: ['a'] }], 2, async () => {
      ran = true;
    }).catch((e) => (error = e));
    expect((error as Error).message).to.match(/dependency cycle: (a -> b -> a|b -> a -> b)/);
    expect(ran).to.equal(false);
  });
});
