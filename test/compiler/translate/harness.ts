/**
 * Test harness: runs a fixture pipeline (capturing its graph), finds lambdas by a marker
 * comment on their line (`// #name`), and renders Exprs compactly for assertions.
 */
import { readFileSync } from 'node:fs';
import type { GraphNode, LambdaRef } from '../../../src/sdk/graph.js';
import type { Pipeline } from '../../../src/sdk/pipeline.js';
import type { Source } from '../../../src/sdk/source.js';
import type { Expr } from '../../../src/compiler/ir/expr.js';
import type { SqlType } from '../../../src/sdk/schema.js';
import type { RowParam } from '../../../src/compiler/translate/api.js';
import { createTranslator } from '../../../src/compiler/translate/index.js';
import { SluiceError } from '../../../src/sdk/errors.js';

/** One translator for all tests: the project is parsed and checked once. */
export const translator = createTranslator({ tsconfig: new URL('../../../tsconfig.json', import.meta.url).pathname });

/** Every lambda a pipeline captured, in graph order. */
export function lambdaRefs(p: Pipeline): LambdaRef[] {
  const out: LambdaRef[] = [];
  const add = (r: LambdaRef | undefined) => r && out.push(r);
  for (const node of p.context.nodes as GraphNode[]) {
    switch (node.kind) {
      case 'map':
      case 'filter':
      case 'flatMap':
        add(node.fn);
        break;
      case 'aggregate':
        add(node.key);
        for (const a of Object.values(node.aggs)) (add(a.value), add(a.order));
        break;
      case 'join':
        (add(node.on), add(node.select));
        break;
      case 'dedupe':
        (add(node.key), add(node.order));
        break;
      case 'window':
        (add(node.partition), add(node.order));
        for (const w of Object.values(node.columns)) add(w.value);
        break;
      case 'sessionize':
        (add(node.key), add(node.time));
        break;
      default:
        break;
    }
  }
  for (const m of p.models) for (const e of m.expectations) if ('value' in e.spec) add(e.spec.value);
  return out;
}

/** Finds lambdas by `// #marker` comments in the fixture file. */
export function markers(p: Pipeline, fixtureUrl: string) {
  const file = new URL(fixtureUrl).pathname;
  const lines = readFileSync(file, 'utf8').split('\n');
  const refs = lambdaRefs(p);
  /** `select` picks among several lambdas on the line by their property or callee name. */
  return (marker: string, select?: string): LambdaRef => {
    const index = lines.findIndex((l) => new RegExp(`// #${marker}\\b`).test(l));
    if (index < 0) throw new Error(`no marker #${marker} in ${file}`);
    const found = refs.filter((r) => r.site.file === file && r.site.line === index + 1 && (select === undefined || r.prop === select || (r.prop === undefined && r.callee === select)));
    if (found.length !== 1) throw new Error(`marker #${marker}: expected one lambda on line ${index + 1}, found ${found.length}`);
    return found[0]!;
  };
}

/** The row parameter of a source. */
export function rowOf(src: Source<unknown>, rel?: string): RowParam {
  return { fields: src.spec.schema, ...(rel ? { rel } : {}) };
}

export function typeStr(t: SqlType): string {
  const base = t.kind === 'ARRAY' ? `ARRAY<${typeStr(t.element!)}>` : t.kind === 'STRUCT' ? `STRUCT<${t.fields!.map((f) => `${f.name} ${typeStr(f.type)}`).join(', ')}>` : t.kind;
  return t.nullable ? `${base}?` : base;
}

/** Compact rendering: `lower(trim($email))`, `case(is_null($n) ? 0 : $n)`. */
export function show(e: Expr): string {
  switch (e.k) {
    case 'col':
      return e.rel ? `$${e.rel}.${e.name}` : `$${e.name}`;
    case 'lit':
      return typeof e.value === 'string' ? `'${e.value}'${e.type.kind === 'STRING' ? '' : `:${e.type.kind}`}` : String(e.value);
    case 'op':
      return `${e.op}(${e.args.map(show).join(', ')})`;
    case 'case':
      return `case(${e.whens.map((w) => `${show(w.when)} ? ${show(w.then)}`).join(', ')} : ${show(e.else)})`;
    case 'struct':
      return `{${e.fields.map((f) => `${f.name}: ${show(f.expr)}`).join(', ')}}`;
    case 'array':
      return `[${e.items.map(show).join(', ')}]`;
    case 'field':
      return `${show(e.of)}.${e.name}`;
    default:
      return e.k;
  }
}

/** Runs `fn` and returns the SluiceError it throws (fails the test otherwise). */
export function sluiceError(fn: () => unknown): SluiceError {
  try {
    fn();
  } catch (err) {
    if (err instanceof SluiceError) return err;
    throw err;
  }
  throw new Error('expected a SluiceError, but nothing was thrown');
}

/** `line:col` of the marker's line and the column of `needle` on it (1-based), for error positions. */
export function positionOf(fixtureUrl: string, marker: string, needle: string, occurrence = 1): { file: string; line: number; column: number } {
  const file = new URL(fixtureUrl).pathname;
  const lines = readFileSync(file, 'utf8').split('\n');
  const index = lines.findIndex((l) => new RegExp(`// #${marker}\\b`).test(l));
  if (index < 0) throw new Error(`no marker #${marker}`);
  let col = -1;
  for (let i = 0; i < occurrence; i++) col = lines[index]!.indexOf(needle, col + 1);
  if (col < 0) throw new Error(`'${needle}' not on the line of #${marker}`);
  return { file, line: index + 1, column: col + 1 };
}
