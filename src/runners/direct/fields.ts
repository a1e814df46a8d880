/**
 * Column names of a node's rows without running it on data. Needed only for the unmatched
 * side of an outer join whose input is empty (otherwise the rows' own keys are used).
 *
 * Schemas come from sources and `previous`; derived nodes add their columns; lambdas (map,
 * flatMap, join select, object group keys) are probed by calling them on an all-null row —
 * exact for the plain field-building lambdas Sluice translates. A lambda that throws on NULLs
 * makes the fields unknowable (undefined); the join then still answers null for any field.
 */
import type { AnyFn, GraphNode } from '../../sdk/graph.js';
import { nullRow } from './null-row.js';
import type { NodeContext } from './scope.js';
import { isPlainObject } from './values.js';

function probe(fn: AnyFn, ...args: unknown[]): unknown {
  try {
    return fn(...args);
  } catch {
    return undefined;
  }
}

function keysOf(value: unknown): string[] | undefined {
  return isPlainObject(value) ? Object.keys(value) : undefined;
}

/** See the module comment; `ctx.fields` is used for inputs so results are memoized. */
export function deriveFields(node: GraphNode, ctx: NodeContext): readonly string[] | undefined {
  const input = (i = 0): readonly string[] | undefined => ctx.fields(node.inputs[i]!);
  const nullInput = (i = 0) => nullRow(input(i) ?? []);
  switch (node.kind) {
    case 'readSource':
      return node.schema.map((f) => f.name);
    case 'readModel': {
      if (node.schema) return node.schema.map((f) => f.name);
      const rows = ctx.scope.modelRows(node.model);
      if (rows && rows.length > 0) return Object.keys(rows[0]!);
      const source = ctx.scope.modelNode(node.model);
      return source ? ctx.fields(source) : undefined;
    }
    case 'filter':
    case 'distinct':
    case 'dedupe':
    case 'union':
      return input();
    case 'map':
      return keysOf(probe(node.fn.fn, nullInput()));
    case 'flatMap': {
      const out = probe(node.fn.fn, nullInput());
      return Array.isArray(out) ? keysOf(out[0]) : undefined;
    }
    case 'join':
      return keysOf(probe(node.select.fn, nullInput(0), nullInput(1)));
    case 'aggregate': {
      const aggs = Object.keys(node.aggs);
      if (!node.key) return aggs;
      const key = probe(node.key.fn, nullInput());
      return [...(isPlainObject(key) ? Object.keys(key) : ['key']), ...aggs];
    }
    case 'window': {
      const fields = input();
      return fields && [...fields, ...Object.keys(node.columns)];
    }
    case 'sessionize': {
      const fields = input();
      return fields && [...fields, 'session_id', 'session_start', 'session_end', 'session_index'];
    }
  }
}
