/**
 * What every expectation query starts from: a scan of the model it checks.
 */
import type { Expectation } from '../../../sdk/graph.js';
import type { SqlField } from '../../../sdk/schema.js';
import type { Expr } from '../../ir/expr.js';
import type { Origin, Rel } from '../../ir/rel.js';
import type { PlanEnv } from '../api.js';
import { identityColumns } from '../util/exprs.js';

export interface ExpectScope {
  readonly expectation: Expectation;
  readonly model: { readonly name: string; readonly columns: readonly SqlField[] };
  readonly env: PlanEnv;
  /** `<model>/expect/<kind>` at the expectation's call site. */
  readonly origin: Origin;
  /** A scan of the checked model. */
  readonly scan: Rel;
}

export function expectScope(expectation: Expectation, model: ExpectScope['model'], env: PlanEnv): ExpectScope {
  const origin: Origin = { name: `${model.name}/expect/${expectation.spec.kind}`, site: expectation.site };
  const scan: Rel = { k: 'scan', table: { kind: 'model', name: model.name }, schema: model.columns, origin };
  return { expectation, model, env, origin, scan };
}

/** The rows of `input` (every column) for which `where` holds. */
export function rowsWhere(input: Rel, where: Expr, origin: Origin): Rel {
  return { k: 'project', input, columns: identityColumns(input.schema), where, schema: input.schema, origin };
}
