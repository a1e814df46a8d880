/**
 * window → window: the input's columns followed by the window columns.
 *
 * Types: rowNumber / rank / runningCount are INT64 and never NULL; lag / lead have the
 * value's type, always nullable (NULL outside the partition); runningSum is INT64 for INT64
 * values, otherwise the value's numeric type, nullable when the value is (a prefix of NULLs
 * sums to NULL).
 */
import type { WindowKind, WindowNode, WindowSpec } from '../../../sdk/graph.js';
import { SluiceError } from '../../../sdk/errors.js';
import { typeToString, type SqlField, type SqlType } from '../../../sdk/schema.js';
import { ty, withNullable, type Expr } from '../../ir/expr.js';
import type { Rel, WindowCall, WindowFn } from '../../ir/rel.js';
import type { Translator } from '../../translate/api.js';
import { isNumeric } from '../util/schema.js';
import { onlyInput, originOf, type LowerContext } from './context.js';

const FN_OF: Readonly<Record<WindowKind, WindowFn>> = {
  rowNumber: 'row_number',
  rank: 'rank',
  lag: 'lag',
  lead: 'lead',
  runningSum: 'running_sum',
  runningCount: 'running_count',
};

function outputType(name: string, spec: WindowSpec, arg: Expr | undefined): SqlType {
  switch (spec.kind) {
    case 'rowNumber':
    case 'rank':
    case 'runningCount':
      return ty.int64();
    case 'lag':
    case 'lead':
      return withNullable(arg!.type, true);
    case 'runningSum':
      if (!isNumeric(arg!.type)) {
        throw new SluiceError(`window column '${name}': runningSum() needs a number, got ${typeToString(arg!.type)}`, spec.site);
      }
      return arg!.type;
  }
}

function lowerCall(name: string, spec: WindowSpec, translator: Translator, fields: readonly SqlField[]): { call: WindowCall; field: SqlField } {
  const needsValue = spec.kind === 'lag' || spec.kind === 'lead' || spec.kind === 'runningSum';
  if (needsValue && !spec.value) throw new SluiceError(`window column '${name}' (${spec.kind}) needs a value function`, spec.site);
  const arg = needsValue ? translator.scalar(spec.value!, [{ fields }]) : undefined;
  const call: WindowCall = {
    name,
    fn: FN_OF[spec.kind],
    site: spec.site,
    ...(arg ? { arg } : {}),
    ...(spec.offset !== undefined ? { offset: spec.offset } : {}),
  };
  return { call, field: { name, type: outputType(name, spec, arg) } };
}

export function lowerWindow(node: WindowNode, ctx: LowerContext): Rel {
  const input = onlyInput(node, ctx);
  const translator = ctx.env.translator;
  const params = [{ fields: input.schema }];
  const taken = new Set(input.schema.map((f) => f.name));
  const lowered = Object.entries(node.columns).map(([name, spec]) => {
    if (taken.has(name)) {
      throw new SluiceError(`window column '${name}' has the same name as an input column`, spec.site, 'rename the window column');
    }
    return lowerCall(name, spec, translator, input.schema);
  });
  return {
    k: 'window',
    input,
    partition: node.partition ? translator.key(node.partition, params).map((k) => k.expr) : [],
    order: translator.ordering(node.order, params),
    columns: lowered.map((l) => l.call),
    schema: [...input.schema, ...lowered.map((l) => l.field)],
    origin: originOf(node),
  };
}
