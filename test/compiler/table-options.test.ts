import { expect } from 'chai';
import { compile } from '../../src/compiler/index.js';
import { pipeline, source, t, type WriteOptions } from '../../src/sdk/index.js';

const events = source('opt_events', { id: t.string(), kind: t.string(), at: t.timestamp() });
type Event = { id: string; kind: string; at: Date };

/** Compiles one model written with `options`; returns the error message. */
function errorOf(options: Omit<WriteOptions<Event>, 'name'>): string {
  const p = pipeline(`opt_${Math.random().toString(36).slice(2, 8)}`, (p) => {
    p.write(p.read(events), { name: 'opt_model', ...options });
  });
  try {
    compile([p], { root: process.cwd() });
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a compile error');
}

describe('model options checked at compile time, at the p.write call', () => {
  it('rejects a description of a column the model does not have, listing its columns', () => {
    expect(errorOf({ columns: { nope: 'x' } as WriteOptions<Event>['columns'] })).to.match(
      /table-options\.test\.ts:\d+:\d+: model 'opt_model' describes column 'nope', which it does not have\n  hint: its columns are: id, kind, at/,
    );
  });

  it('rejects partitioning by a column that is not a DATE or TIMESTAMP', () => {
    expect(errorOf({ materialize: 'table', partitionBy: 'kind' })).to.match(/partitionBy 'kind' of model 'opt_model' must name a DATE or TIMESTAMP column/);
  });

  it('rejects partitioning or clustering a view', () => {
    expect(errorOf({ partitionBy: 'at' })).to.match(/model 'opt_model' is a view; only tables can be partitioned/);
    expect(errorOf({ clusterBy: ['kind'] })).to.match(/model 'opt_model' is a view; only tables can be clustered/);
  });

  it('rejects clustering by an unknown column', () => {
    expect(errorOf({ materialize: 'table', clusterBy: ['nope' as 'kind'] })).to.match(/clusterBy column 'nope' is not a column of model 'opt_model'/);
  });

  it('accepts a partitioned, clustered table and writes it into the BigQuery DDL', () => {
    const p = pipeline('opt_ok', (p) => {
      p.write(p.read(events), { name: 'opt_ok_model', materialize: 'table', partitionBy: 'at', clusterBy: ['kind'] });
    });
    const ddl = compile([p], { root: process.cwd() }).models[0]!.ddl.bigquery;
    expect(ddl).to.match(/PARTITION BY DATE\(`at`\)/);
    expect(ddl).to.match(/CLUSTER BY kind/);
  });
});
