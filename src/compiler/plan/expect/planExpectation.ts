/**
 * Expectation → the query returning the rows that violate it (one module per kind).
 */
import type { Expectation } from '../../../sdk/graph.js';
import type { SqlField } from '../../../sdk/schema.js';
import type { Rel } from '../../ir/rel.js';
import type { PlanEnv } from '../api.js';
import { planAcceptedValues } from './acceptedValues.js';
import { planNotNull } from './notNull.js';
import { planRelationships } from './relationships.js';
import { planRowCondition } from './rowCondition.js';
import { planRowCount } from './rowCount.js';
import { expectScope } from './scope.js';
import { planUnique } from './unique.js';

export function planExpectation(expectation: Expectation, model: { name: string; columns: readonly SqlField[] }, env: PlanEnv): Rel {
  const scope = expectScope(expectation, model, env);
  const spec = expectation.spec;
  switch (spec.kind) {
    case 'unique':
      return planUnique(spec.value, scope);
    case 'notNull':
      return planNotNull(spec.value, scope);
    case 'acceptedValues':
      return planAcceptedValues(spec.value, spec.values, scope);
    case 'relationships':
      return planRelationships(spec.value, spec.model, spec.modelValue, scope);
    case 'rowCondition':
      return planRowCondition(spec.value, scope);
    case 'rowCount':
      return planRowCount(spec, scope);
  }
}
