/**
 * Whether no row column of a project can be `undefined` in JavaScript. Then a column read
 * `r.email` is typed `T | null` (or `T`) exactly as its SQL type says, and the translator
 * needs no type checker to know that `r.email === null` is exact.
 *
 * Sources are typed from their schemas (`T | null`). Every other column is produced by a
 * lambda (map, join select, flatMap, group keys, aggregate and window values), so by
 * induction it suffices that no such lambda's output can be undefined, which is checked on
 * the syntax: `?? null`, literals, arithmetic, columns and `?.` chains that end in `??` pass;
 * anything else (helpers, block bodies, `arr[i]`) makes the answer "no", and the checker
 * decides as before. Only the runtime values matter for SQL semantics, so type annotations
 * that add `undefined` to a type without producing it are not looked at.
 */
import { Node } from 'ts-morph';
import type { GraphNode, LambdaRef } from '../../sdk/graph.js';
import type { Pipeline } from '../../sdk/pipeline.js';
import type { FunctionLike } from './locate.js';
import { constValueOf, helperCalled, returnedExpressions } from './helper-results.js';
import { EMPTY_ENV, helperEnv, syntacticNullishness, type NameMeaning, type NullnessEnv } from './nullness.js';

type LambdaOf = (ref: LambdaRef) => FunctionLike;
type Form = 'row' | 'key' | 'scalar' | 'flatMap';

/** True when no lambda of `pipelines` that produces columns can yield undefined. */
export function columnsNeverUndefined(pipelines: readonly Pipeline[], lambdaOf: LambdaOf): boolean {
  for (const p of pipelines) {
    for (const node of p.context.nodes as readonly GraphNode[]) {
      for (const [ref, form] of producers(node)) {
        if (!lambdaNeverUndefined(lambdaOf(ref), form)) return false;
      }
    }
  }
  return true;
}

/** The lambdas of a graph node whose results become columns, with their form. */
function producers(node: GraphNode): [LambdaRef, Form][] {
  switch (node.kind) {
    case 'map':
      return [[node.fn, 'row']];
    case 'flatMap':
      return [[node.fn, 'flatMap']];
    case 'join':
      return [[node.select, 'row']];
    case 'aggregate':
      return [...(node.key ? [[node.key, 'key'] as [LambdaRef, Form]] : []), ...Object.values(node.aggs).flatMap((a) => (a.value ? [[a.value, 'scalar'] as [LambdaRef, Form]] : []))];
    case 'window':
      return Object.values(node.columns).flatMap((w) => (w.value ? [[w.value, 'scalar'] as [LambdaRef, Form]] : []));
    case 'sessionize':
      return [[node.key, 'key']];
    default:
      return [];
  }
}

function lambdaNeverUndefined(fn: FunctionLike, form: Form): boolean {
  const result = resultOf(fn);
  if (!result) return false;
  const env = paramsEnv(fn.getParameters().map((p) => p.getNameNode()));
  if (form === 'row') return rowNeverUndefined(result, env);
  if (form === 'flatMap') return flatMapNeverUndefined(result, env);
  return valueNeverUndefined(result, env);
}

/** The returned expression: an expression body or a lone `return x`, parentheses and casts removed. */
function resultOf(fn: FunctionLike): Node | undefined {
  let body: Node | undefined = fn.getBody();
  if (body && Node.isBlock(body)) {
    const stmts = body.getStatements();
    body = stmts.length === 1 && Node.isReturnStatement(stmts[0]!) ? stmts[0].getExpression() : undefined;
  }
  while (body && (Node.isParenthesizedExpression(body) || Node.isAsExpression(body) || Node.isSatisfiesExpression(body))) body = body.getExpression();
  return body;
}

/** Lambda parameters: whole rows; destructured names: columns (never undefined, by induction). */
function paramsEnv(names: readonly Node[], outer?: NullnessEnv): NullnessEnv {
  const bound = new Map<string, NameMeaning>();
  const column: NameMeaning = { kind: 'column', nullishness: { null: true, undefined: false } };
  const bind = (name: Node, meaning: NameMeaning) => {
    if (Node.isIdentifier(name)) bound.set(name.getText(), meaning);
    else if (Node.isObjectBindingPattern(name)) for (const el of name.getElements()) bind(el.getNameNode(), el.getDotDotDotToken() ? { kind: 'row' } : column);
    else bound.set('\0unbindable', { kind: 'other' });
  };
  names.forEach((n) => bind(n, { kind: 'row' }));
  return {
    name: (n) => bound.get(n) ?? outer?.name(n),
    field: (row, field) => (bound.has(row) ? (bound.get(row)!.kind === 'row' ? { null: true, undefined: false } : undefined) : outer?.field(row, field)),
  };
}

/** A column value: object and array literals are checked element by element. */
function valueNeverUndefined(node: Node, env: NullnessEnv): boolean {
  // Casts change the type, not the value (`null as string | null`).
  while (Node.isParenthesizedExpression(node) || Node.isAsExpression(node) || Node.isSatisfiesExpression(node)) node = node.getExpression();
  if (Node.isObjectLiteralExpression(node)) {
    return node.getProperties().every((prop) => {
      if (Node.isPropertyAssignment(prop)) return valueNeverUndefined(prop.getInitializerOrThrow(), env);
      if (Node.isShorthandPropertyAssignment(prop)) return valueNeverUndefined(prop.getNameNode(), env);
      if (Node.isSpreadAssignment(prop)) return env.name(prop.getExpression().getText())?.kind === 'row';
      return false;
    });
  }
  if (Node.isArrayLiteralExpression(node)) return node.getElements().every((el) => valueNeverUndefined(el, env));
  if (Node.isCallExpression(node) && env.name(node.getExpression().getText().split('.')[0]!) === undefined) {
    const helper = helperCalled(node);
    if (helper) return once(helper, () => helperNeverUndefined(helper, node.getArguments(), env));
  }
  if (Node.isIdentifier(node) && env.name(node.getText()) === undefined) {
    const init = constValueOf(node);
    if (init) return once(init, () => valueNeverUndefined(init, EMPTY_ENV));
  }
  const n = syntacticNullishness(node, env);
  return n !== undefined && !n.undefined;
}

/** A returned row: an object literal, or a project helper's call that returns object literals. */
function rowNeverUndefined(node: Node, env: NullnessEnv): boolean {
  while (Node.isParenthesizedExpression(node) || Node.isAsExpression(node) || Node.isSatisfiesExpression(node)) node = node.getExpression();
  if (Node.isObjectLiteralExpression(node)) return valueNeverUndefined(node, env);
  const helper = Node.isCallExpression(node) ? helperCalled(node) : undefined;
  if (!helper || !Node.isCallExpression(node)) return false;
  return once(helper, () => {
    const inner = helperEnv(helper, node.getArguments(), env);
    const returned = inner && returnedExpressions(helper);
    return !!inner && !!returned && returned.every((e) => rowNeverUndefined(e, inner));
  });
}

/** A call of a project helper: every expression it can return, with its parameters bound to the arguments. */
function helperNeverUndefined(fn: FunctionLike, args: readonly Node[], env: NullnessEnv): boolean {
  const inner = helperEnv(fn, args, env);
  const returned = inner && returnedExpressions(fn);
  return !!inner && !!returned && returned.every((e) => valueNeverUndefined(e, inner));
}

const visiting = new Set<Node>();

/** `fn()`, or false when `node` is already being checked (recursive helpers, self-referencing consts). */
function once(node: Node, fn: () => boolean): boolean {
  if (visiting.has(node)) return false;
  visiting.add(node);
  try {
    return fn();
  } finally {
    visiting.delete(node);
  }
}

/** `arr.map((x, i) => ({...}))` or `[{...}, ...]`, maybe `?? []`. */
function flatMapNeverUndefined(result: Node, env: NullnessEnv): boolean {
  if (Node.isBinaryExpression(result) && result.getOperatorToken().getText() === '??') result = result.getLeft();
  while (Node.isParenthesizedExpression(result)) result = result.getExpression();
  if (Node.isArrayLiteralExpression(result)) return valueNeverUndefined(result, env);
  if (!Node.isCallExpression(result)) return false;
  const callee = result.getExpression();
  const callback = result.getArguments()[0];
  if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'map' || !callback) return false;
  if (!(Node.isArrowFunction(callback) || Node.isFunctionExpression(callback))) return false;
  const array = callee.getExpression();
  // The elements: an array column, `s.split(...)`, or a literal whose elements are checked.
  if (Node.isArrayLiteralExpression(array) ? !valueNeverUndefined(array, env) : syntacticNullishness(array, env) === undefined) return false;
  const inner = resultOf(callback);
  const params = callback.getParameters().map((p) => p.getNameNode());
  // The element and its index are values, never undefined: bind them as columns.
  // The element's properties too: struct fields are columns (by induction), and only real
  // properties of strings (length) pass the translator.
  const elementEnv = paramsEnv([], env);
  const columns = new Map(params.map((p) => [p.getText(), { kind: 'column', nullishness: { null: true, undefined: false } } as NameMeaning]));
  const element = params[0]?.getText();
  const scoped: NullnessEnv = {
    name: (n) => columns.get(n) ?? elementEnv.name(n),
    field: (row, f) => (row === element ? { null: true, undefined: false } : columns.has(row) ? undefined : elementEnv.field(row, f)),
  };
  return params.every((p) => Node.isIdentifier(p)) && inner !== undefined && Node.isObjectLiteralExpression(inner) && valueNeverUndefined(inner, scoped);
}
