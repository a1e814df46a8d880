/**
 * Finds a lambda's source from the call site recorded at capture time: the call whose callee
 * name token sits at `ref.site`, then its argument `ref.arg` (and property `ref.prop`).
 */
import { Node, SyntaxKind, ts, type ArrowFunction, type CallExpression, type FunctionDeclaration, type FunctionExpression, type MethodDeclaration, type SourceFile } from 'ts-morph';
import type { LambdaRef } from '../../sdk/graph.js';
import { SluiceError } from '../../sdk/errors.js';
import { fail, snippet } from './errors.js';
import { GLOBAL, resolveIdentifier } from './resolve.js';
import { wrap } from './wrap.js';

export type FunctionLike = ArrowFunction | FunctionExpression | FunctionDeclaration | MethodDeclaration;

export function isFunctionLike(node: Node): node is FunctionLike {
  return Node.isArrowFunction(node) || Node.isFunctionExpression(node) || Node.isFunctionDeclaration(node) || Node.isMethodDeclaration(node);
}

/** The name token of a call's callee: `map` in `x.map(...)`, `unique` in `unique(...)`. */
function calleeName(call: CallExpression): Node | undefined {
  const callee = call.getExpression();
  if (Node.isPropertyAccessExpression(callee)) return callee.getNameNode();
  if (Node.isIdentifier(callee)) return callee;
  return undefined;
}

/** The call at the exact recorded position, else the innermost call of that name on the line. */
export function findCall(sf: SourceFile, ref: LambdaRef): CallExpression {
  const { line, column } = ref.site;
  const file = sf.compilerNode;
  const lines = file.getLineStarts().length;
  if (line >= 1 && line <= lines) {
    const pos = file.getPositionOfLineAndCharacter(line - 1, Math.max(0, column - 1));
    const exact = callNamedAt(file, pos, ref.callee);
    if (exact) return wrap(sf, exact) as CallExpression;
    const onLine = sf
      .getDescendantsOfKind(SyntaxKind.CallExpression)
      .filter((c) => {
        const name = calleeName(c);
        return name?.getText() === ref.callee && name.getStartLineNumber() === line;
      });
    // Source maps may shift columns a little: take the name token closest to the column.
    const distance = (c: CallExpression) => Math.abs(sf.getLineAndColumnAtPos(calleeName(c)!.getStart()).column - column);
    const best = onLine.sort((a, b) => distance(a) - distance(b))[0];
    if (best) return best;
  }
  throw new SluiceError(`cannot find the call '${ref.callee}(...)' at this position`, ref.site, 'the source changed since the pipeline was loaded; reload it');
}

/**
 * The call whose callee name token `callee` starts at `pos`, found by descending raw compiler
 * nodes (ts-morph's getDescendantAtPos wraps every node on the way down).
 */
function callNamedAt(file: ts.SourceFile, pos: number, callee: string): ts.CallExpression | undefined {
  let token: ts.Node = file;
  for (;;) {
    const next: ts.Node | undefined = ts.forEachChild(token, (c) => (c.pos <= pos && pos < c.end ? c : undefined));
    if (!next) break;
    token = next;
  }
  if (!ts.isIdentifier(token) || token.text !== callee || token.getStart(file) !== pos) return undefined;
  let call: ts.Node | undefined = token.parent;
  while (call && !ts.isCallExpression(call)) call = call.parent;
  if (!call || !ts.isCallExpression(call)) return undefined;
  const name = ts.isPropertyAccessExpression(call.expression) ? call.expression.name : call.expression;
  return name === token ? call : undefined;
}

/** Follows an argument to the function it denotes: inline lambdas or project-level consts / functions. */
export function functionOf(node: Node, what: string): FunctionLike {
  let current: Node = node;
  for (let hops = 0; hops < 10; hops++) {
    while (Node.isParenthesizedExpression(current) || Node.isAsExpression(current) || Node.isSatisfiesExpression(current)) {
      current = current.getExpression();
    }
    if (isFunctionLike(current)) return current;
    if (Node.isIdentifier(current)) {
      const decl = declarationOf(current);
      if (decl && isFunctionLike(decl)) return decl;
      if (decl && Node.isVariableDeclaration(decl) && decl.getVariableStatement()?.getDeclarationKind() === 'const') {
        const init = decl.getInitializer();
        if (init) {
          current = init;
          continue;
        }
      }
    }
    break;
  }
  fail(node, `the ${what} must be a lambda, got '${snippet(node)}'`, 'write an arrow function inline, or pass a const arrow function / function declaration of the project');
}

/** Whether `id` names a known JS global (`Math`, `Number`, ...) that nothing in its file shadows. */
export function isKnownGlobal(id: Node): boolean {
  return Node.isIdentifier(id) && resolveIdentifier(id) === GLOBAL;
}

/**
 * The declaration an identifier refers to, through imports: from the syntax when it can tell
 * (resolve.ts), else from the type checker (which builds and binds the whole program).
 */
export function declarationOf(id: Node): Node | undefined {
  const resolved = resolveIdentifier(id);
  if (resolved && resolved !== GLOBAL) return resolved;
  const parent = id.getParent();
  if (parent && Node.isShorthandPropertyAssignment(parent)) {
    const value = parent.getValueSymbol()?.getValueDeclaration();
    if (value) return value;
  }
  let sym = id.getSymbol();
  if (sym?.isAlias()) sym = sym.getAliasedSymbol() ?? sym;
  return sym?.getValueDeclaration() ?? sym?.getDeclarations()[0];
}

/** The lambda for `ref` inside the located call. */
export function findLambda(sf: SourceFile, ref: LambdaRef): FunctionLike {
  const call = findCall(sf, ref);
  const arg = call.getArguments()[ref.arg];
  if (!arg) fail(call, `'${ref.callee}' has no argument ${ref.arg + 1}`);
  if (ref.prop === undefined) return functionOf(arg, `argument of ${ref.callee}()`);
  let obj: Node = arg;
  if (Node.isIdentifier(obj)) {
    const decl = declarationOf(obj);
    const init = decl && Node.isVariableDeclaration(decl) ? decl.getInitializer() : undefined;
    if (init) obj = init;
  }
  if (!Node.isObjectLiteralExpression(obj)) fail(arg, `expected an object literal with '${ref.prop}' as argument of ${ref.callee}()`);
  const prop = obj.getProperty(ref.prop);
  if (!prop) fail(obj, `no property '${ref.prop}' in this object literal`);
  if (Node.isPropertyAssignment(prop)) return functionOf(prop.getInitializerOrThrow(), `'${ref.prop}' option`);
  if (Node.isShorthandPropertyAssignment(prop)) return functionOf(prop.getNameNode(), `'${ref.prop}' option`);
  if (Node.isMethodDeclaration(prop)) return prop;
  fail(prop, `the '${ref.prop}' option must be a lambda`);
}
