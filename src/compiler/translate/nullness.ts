/**
 * Which nullish values (null, undefined) an expression may hold in JavaScript, as its
 * TypeScript type says. SQL has one NULL, so `x === null` and `String(x)` are exact only when
 * `x` cannot be undefined. Decided here from syntax alone where that is certain (row columns,
 * literals, `?.` chains of known methods, `??`, `?:`); undefined means "ask the type checker".
 * Asking the checker means inferring the whole pipeline's generic types, which costs far more
 * than translating, so the common forms must never need it.
 */
import { Node, ts } from 'ts-morph';
import { constValueOf, helperCalled, returnedExpressions } from './helper-results.js';
import type { FunctionLike } from './locate.js';

export interface Nullishness {
  readonly null: boolean;
  readonly undefined: boolean;
}

/** What a name in scope stands for, as far as nullishness goes. */
export type NameMeaning = { readonly kind: 'row' } | { readonly kind: 'column'; readonly nullishness: Nullishness } | { readonly kind: 'other' };

export interface NullnessEnv {
  /** The meaning of a name bound in the lambda (parameters, destructured columns); undefined when free. */
  name(name: string): NameMeaning | undefined;
  /** The nullishness of column `field` of the row (or struct value) bound to `row`, when known. */
  field(row: string, field: string): Nullishness | undefined;
}

const NONE: Nullishness = { null: false, undefined: false };

/**
 * Methods and properties of strings, numbers and arrays whose result is never null or
 * undefined when the receiver is not (`s.trim()`, `s.length`); `at`, `match`, `find` are not.
 */
const NON_NULLISH_MEMBERS = new Set([
  'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'slice', 'substring', 'padStart', 'padEnd',
  'replace', 'replaceAll', 'repeat', 'concat', 'startsWith', 'endsWith', 'includes', 'indexOf', 'lastIndexOf',
  'split', 'normalize', 'toString', 'toFixed', 'charAt', 'length', 'join', 'getTime', 'toISOString',
  'getUTCFullYear', 'getUTCMonth', 'getUTCDate', 'getUTCDay', 'getUTCHours', 'getUTCMinutes', 'getUTCSeconds',
]);

/** Math functions and conversions: numbers, strings or booleans, never nullish. */
const NON_NULLISH_CALLS = /^(Math\.\w+|Number|String|Boolean)$/;

/** The nullishness of `node`, or undefined when only the type checker can tell. */
export function syntacticNullishness(node: Node, env: NullnessEnv): Nullishness | undefined {
  if (Node.isParenthesizedExpression(node)) return syntacticNullishness(node.getExpression(), env);
  if (Node.isNonNullExpression(node)) return NONE;
  if (Node.isNullLiteral(node)) return { null: true, undefined: false };
  if (
    Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node) || Node.isTemplateExpression(node) ||
    Node.isNumericLiteral(node) || Node.isTrueLiteral(node) || Node.isFalseLiteral(node)
  ) {
    return NONE;
  }
  // `new X(...)` always yields an object.
  if (Node.isNewExpression(node)) return NONE;
  if (Node.isIdentifier(node)) return identifier(node, env);
  if (isOptionalChain(node)) return optionalChain(node, env);
  if (Node.isPropertyAccessExpression(node)) return column(node, env) ?? member(node, env);
  if (Node.isCallExpression(node)) {
    const callee = node.getExpression();
    if (Node.isPropertyAccessExpression(callee) && member(callee, env)) return NONE;
    if (env.name(callee.getText().split('.')[0]!) !== undefined) return undefined;
    if (NON_NULLISH_CALLS.test(callee.getText())) return NONE;
    const helper = helperCalled(node);
    return helper && helperResult(helper, node.getArguments(), env);
  }
  if (Node.isBinaryExpression(node)) {
    const operator = node.getOperatorToken().getKind();
    // `a ?? b` is typed NonNullable<A> | B.
    if (operator === ts.SyntaxKind.QuestionQuestionToken) return syntacticNullishness(node.getRight(), env);
    if (isArithmeticOrComparison(operator)) return NONE;
    return undefined;
  }
  if (Node.isConditionalExpression(node)) {
    const [a, b] = [syntacticNullishness(node.getWhenTrue(), env), syntacticNullishness(node.getWhenFalse(), env)];
    return a && b ? { null: a.null || b.null, undefined: a.undefined || b.undefined } : undefined;
  }
  return undefined;
}

function identifier(node: Node, env: NullnessEnv): Nullishness | undefined {
  const name = node.getText();
  const meaning = env.name(name);
  if (meaning === undefined) {
    if (name === 'undefined') return { null: false, undefined: true };
    const init = constValueOf(node);
    return init && guarded(init, () => syntacticNullishness(init, EMPTY_ENV));
  }
  return meaning.kind === 'column' ? meaning.nullishness : undefined;
}

/** `r.email` on a row parameter; `k.key_type` on an array element the environment describes. */
function column(node: Node, env: NullnessEnv): Nullishness | undefined {
  if (!Node.isPropertyAccessExpression(node)) return undefined;
  const target = node.getExpression();
  if (!Node.isIdentifier(target)) return undefined;
  // A column's field (a struct element of an array) only when the environment knows it.
  const kind = env.name(target.getText())?.kind;
  return kind === 'row' || kind === 'column' ? env.field(target.getText(), node.getName()) : undefined;
}

/**
 * `s.length`, `s.trim` (called): a listed member of a known receiver. TypeScript types it by
 * the member alone (a nullable receiver is a type error), and at run time it returns a value
 * or throws: never nullish.
 */
function member(node: Node, env: NullnessEnv): Nullishness | undefined {
  if (!Node.isPropertyAccessExpression(node) || !NON_NULLISH_MEMBERS.has(node.getName())) return undefined;
  const receiver = node.getExpression();
  return syntacticNullishness(receiver, env) || isLiteralObject(receiver, env) ? NONE : undefined;
}

/** An array or object literal, or a module const holding one: an object, never nullish. */
function isLiteralObject(node: Node, env: NullnessEnv): boolean {
  const value = Node.isIdentifier(node) && env.name(node.getText()) === undefined ? constValueOf(node) : node;
  return !!value && (Node.isArrayLiteralExpression(value) || Node.isObjectLiteralExpression(value));
}

const isOptionalChain = (node: Node) => (node.compilerNode.flags & ts.NodeFlags.OptionalChain) !== 0;

/**
 * A link of a `?.` chain (`r.email?.trim().toLowerCase()`): undefined when the chain may short
 * circuit; otherwise the link's own result, which the listed members never make nullish.
 */
function optionalChain(node: Node, env: NullnessEnv): Nullishness | undefined {
  let access: Node = node;
  if (Node.isCallExpression(node)) {
    if (node.getQuestionDotTokenNode()) return undefined;
    access = node.getExpression();
  }
  if (!Node.isPropertyAccessExpression(access) || !NON_NULLISH_MEMBERS.has(access.getName())) return undefined;
  const receiver = access.getExpression();
  const before = isOptionalChain(receiver) ? optionalChain(receiver, env) : syntacticNullishness(receiver, env);
  if (!before) return undefined;
  const nullish = before.null || before.undefined;
  if (access.hasQuestionDotToken()) return { null: false, undefined: nullish };
  // Without `?.`, the link is only reached with a non-nullish receiver, or after a short circuit.
  if (!isOptionalChain(receiver) && nullish) return undefined;
  return { null: false, undefined: before.undefined };
}

/** A scope with no names: module consts see only other module-level names. */
export const EMPTY_ENV: NullnessEnv = { name: () => undefined, field: () => undefined };

const visiting = new Set<Node>();

/** `fn()` unless `node` is already being analyzed (recursive helpers, self-referencing consts). */
function guarded<T>(node: Node, fn: () => T | undefined): T | undefined {
  if (visiting.has(node)) return undefined;
  visiting.add(node);
  try {
    return fn();
  } finally {
    visiting.delete(node);
  }
}

/**
 * The environment of a helper's body: its parameters mean what the arguments mean (a row, or
 * a value of known nullishness); nothing of the caller's scope is visible.
 */
export function helperEnv(fn: FunctionLike, args: readonly Node[], env: NullnessEnv): NullnessEnv | undefined {
  const bound = new Map<string, { meaning: NameMeaning; row?: string }>();
  const params = fn.getParameters();
  if (args.length > params.length) return undefined;
  for (const [i, p] of params.entries()) {
    const name = p.getNameNode();
    if (!Node.isIdentifier(name) || p.isRestParameter()) return undefined;
    const arg = args[i];
    if (!arg) {
      const init = p.getInitializer();
      if (!init) return undefined;
      const n = syntacticNullishness(init, EMPTY_ENV);
      bound.set(name.getText(), { meaning: n ? { kind: 'column', nullishness: n } : { kind: 'other' } });
      continue;
    }
    if (Node.isIdentifier(arg) && env.name(arg.getText())?.kind === 'row') {
      bound.set(name.getText(), { meaning: { kind: 'row' }, row: arg.getText() });
      continue;
    }
    const n = syntacticNullishness(arg, env);
    bound.set(name.getText(), { meaning: n ? { kind: 'column', nullishness: n } : { kind: 'other' } });
  }
  return {
    name: (n) => bound.get(n)?.meaning,
    field: (row, field) => {
      const outer = bound.get(row)?.row;
      return outer === undefined ? undefined : env.field(outer, field);
    },
  };
}

/** What a call of project helper `fn` may return: the union over its returned expressions. */
function helperResult(fn: FunctionLike, args: readonly Node[], env: NullnessEnv): Nullishness | undefined {
  return guarded(fn, () => {
    const inner = helperEnv(fn, args, env);
    const returned = inner && returnedExpressions(fn);
    if (!inner || !returned) return undefined;
    let out: Nullishness = NONE;
    for (const e of returned) {
      const n = syntacticNullishness(e, inner);
      if (!n) return undefined;
      out = { null: out.null || n.null, undefined: out.undefined || n.undefined };
    }
    return out;
  });
}

function isArithmeticOrComparison(kind: ts.SyntaxKind): boolean {
  switch (kind) {
    case ts.SyntaxKind.PlusToken:
    case ts.SyntaxKind.MinusToken:
    case ts.SyntaxKind.AsteriskToken:
    case ts.SyntaxKind.SlashToken:
    case ts.SyntaxKind.PercentToken:
    case ts.SyntaxKind.AsteriskAsteriskToken:
    case ts.SyntaxKind.LessThanToken:
    case ts.SyntaxKind.LessThanEqualsToken:
    case ts.SyntaxKind.GreaterThanToken:
    case ts.SyntaxKind.GreaterThanEqualsToken:
    case ts.SyntaxKind.EqualsEqualsEqualsToken:
    case ts.SyntaxKind.ExclamationEqualsEqualsToken:
      return true;
    default:
      return false;
  }
}
