/**
 * union → union. Every input must have the same column names with compatible types; the
 * output takes the first input's column order and the others are re-selected in that order.
 *
 * Compatible: the same type up to nullability, or INT64 mixed with FLOAT64 (JS numbers
 * either way), which widens to FLOAT64 with an explicit conversion on the INT64 inputs.
 * A column is nullable in the output when it is nullable in any input.
 */
import type { UnionNode } from '../../../sdk/graph.js';
import { SluiceError } from '../../../sdk/errors.js';
import { typeToString, type SqlField, type SqlType } from '../../../sdk/schema.js';
import { withNullable, type NamedExpr } from '../../ir/expr.js';
import type { Origin, Rel } from '../../ir/rel.js';
import { fieldRef, op } from '../util/exprs.js';
import { fieldNamed, sameKind } from '../util/schema.js';
import { originOf, type LowerContext } from './context.js';

function unifiedType(types: readonly SqlType[]): SqlType | undefined {
  const nullable = types.some((t) => t.nullable);
  const first = types[0]!;
  if (types.every((t) => sameKind(t, first))) return withNullable(first, nullable);
  if (types.every((t) => t.kind === 'INT64' || t.kind === 'FLOAT64')) return { kind: 'FLOAT64', nullable };
  return undefined;
}

function checkNames(node: UnionNode, inputs: readonly Rel[]): void {
  const names = inputs[0]!.schema.map((f) => f.name);
  inputs.slice(1).forEach((input, i) => {
    const other = input.schema.map((f) => f.name);
    const missing = names.filter((n) => !other.includes(n));
    const extra = other.filter((n) => !names.includes(n));
    if (missing.length > 0 || extra.length > 0) {
      const parts = [
        ...(missing.length > 0 ? [`lacks ${missing.map((n) => `'${n}'`).join(', ')}`] : []),
        ...(extra.length > 0 ? [`has extra ${extra.map((n) => `'${n}'`).join(', ')}`] : []),
      ];
      throw new SluiceError(`union input ${i + 2} does not match input 1: it ${parts.join(' and ')}`, node.site, 'map every input to the same columns before union()');
    }
  });
}

function unifiedSchema(node: UnionNode, inputs: readonly Rel[]): SqlField[] {
  return inputs[0]!.schema.map((field) => {
    const types = inputs.map((input) => fieldNamed(input.schema, field.name)!.type);
    const type = unifiedType(types);
    if (!type) {
      const listed = types.map((t, i) => `${typeToString(t)} in input ${i + 1}`).join(', ');
      throw new SluiceError(`union column '${field.name}' has incompatible types: ${listed}`, node.site, 'convert the column to one type in every input');
    }
    return { ...field, type };
  });
}

/** Re-selects `input` in the union's column order, converting INT64 to FLOAT64 where widened. */
function aligned(input: Rel, schema: readonly SqlField[], origin: Origin): Rel {
  const columns: NamedExpr[] = schema.map((out) => {
    const field = fieldNamed(input.schema, out.name)!;
    const ref = fieldRef(field);
    const widen = out.type.kind === 'FLOAT64' && field.type.kind === 'INT64';
    return { name: out.name, expr: widen ? op('to_float', [ref], { kind: 'FLOAT64', nullable: field.type.nullable }) : ref };
  });
  const unchanged = columns.every((c, i) => c.expr.k === 'col' && input.schema[i]?.name === c.name);
  if (unchanged && input.schema.length === schema.length) return input;
  return { k: 'project', input, columns, schema: columns.map((c) => ({ name: c.name, type: c.expr.type })), origin };
}

export function lowerUnion(node: UnionNode, ctx: LowerContext): Rel {
  const inputs = node.inputs.map((n) => ctx.input(n));
  if (inputs.length === 0) throw new Error(`planner: union node '${node.name}' has no inputs`);
  checkNames(node, inputs);
  const schema = unifiedSchema(node, inputs);
  const origin = originOf(node);
  return { k: 'union', inputs: inputs.map((input) => aligned(input, schema, origin)), schema, origin };
}
