import { expect } from 'chai';
import { SluiceError } from '../../../src/sdk/errors.js';
import { OPS, ty, type OpName } from '../../../src/compiler/ir/expr.js';
import { bigquerySpec } from '../../../src/compiler/dialects/bigquery/index.js';
import { duckdbSpec } from '../../../src/compiler/dialects/duckdb/index.js';
import { AGG_FNS, WINDOW_FNS } from '../../../src/compiler/dialects/shared/all-fns.js';
import { renderQuery } from '../../../src/compiler/dialects/shared/query.js';
import type { DialectSpec } from '../../../src/compiler/dialects/shared/sql-spec.js';
import type { Rel } from '../../../src/compiler/ir/rel.js';
import { col, flatNames, op, origin, ROOT, scan, site } from './helpers.js';

const specs: [string, DialectSpec][] = [
  ['bigquery', bigquerySpec],
  ['duckdb', duckdbSpec],
];

describe('dialect mapping tables', () => {
  for (const [name, spec] of specs) {
    it(`${name} maps every IR operation`, () => {
      const missing = (Object.keys(OPS) as OpName[]).filter((o) => spec.ops[o] === undefined);
      expect(missing, `unmapped in ${name}`).to.deep.equal([]);
    });
    it(`${name} maps every aggregate and window function`, () => {
      expect(AGG_FNS.filter((f) => spec.aggs[f] === undefined)).to.deep.equal([]);
      expect(WINDOW_FNS.filter((f) => spec.windows[f] === undefined)).to.deep.equal([]);
    });
  }

  const input = scan('t', [{ name: 'x', type: ty.float64() }]);
  const project = (expr: Rel extends never ? never : ReturnType<typeof op>): Rel => ({
    k: 'project',
    input,
    columns: [{ name: 'y', expr }],
    schema: [{ name: 'y', type: ty.float64() }],
    origin: origin('p/map', 7),
  });
  const withoutSqrt: DialectSpec = { ...duckdbSpec, ops: { ...duckdbSpec.ops, sqrt: undefined } };

  it('fails at the expression site, naming the operation and the dialect, when an op is unmapped', () => {
    const rel = project(op('sqrt', [col('x', ty.float64())], ty.float64(), site(42, 9)));
    expect(() => renderQuery(withoutSqrt, rel, flatNames, { relativeTo: ROOT }))
      .to.throw(SluiceError, /orders\.ts:42:9: operation 'sqrt' is not supported by the duckdb dialect/);
  });

  it('falls back to the step origin when the expression has no site', () => {
    const rel = project(op('sqrt', [col('x', ty.float64())], ty.float64()));
    expect(() => renderQuery(withoutSqrt, rel, flatNames, { relativeTo: ROOT })).to.throw(SluiceError, /orders\.ts:7:5: operation 'sqrt'/);
  });

  it('fails at the aggregate site when an aggregate is unmapped', () => {
    const spec: DialectSpec = { ...bigquerySpec, aggs: { ...bigquerySpec.aggs, avg: undefined } };
    const rel: Rel = {
      k: 'aggregate',
      input,
      keys: [],
      aggs: [{ name: 'a', fn: 'avg', arg: col('x', ty.float64()), site: site(50, 3) }],
      schema: [{ name: 'a', type: ty.float64(true) }],
      origin: origin('p/aggregate', 49),
    };
    expect(() => renderQuery(spec, rel, flatNames, { relativeTo: ROOT })).to.throw(SluiceError, /:50:3: aggregate 'avg' is not supported by the bigquery dialect/);
  });
});
