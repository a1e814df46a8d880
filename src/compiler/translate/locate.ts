/**
 * Finds a lambda's source from the call site recorded at capture time: the call whose callee
 * name token sits at `ref.site`, then its argument `ref.arg` (and property `ref.prop`).
 */
import { Node, SyntaxKind, type ArrowFunction, type CallExpression, type FunctionDeclaration, type FunctionExpression, type MethodDeclaration, type SourceFile } from 'ts-morph';
import type { LambdaRef } from '../../sdk/graph.js';
import { SluiceError } from '../../sdk/errors.js';
import { fail, snippet } from './errors.js';

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
  const lines = sf.getEndLineNumber();
  if (line >= 1 && line <= lines) {
    const pos = sf.compilerNode.getPositionOfLineAndCharacter(line - 1, Math.max(0, column - 1));
    const token = sf.getDescendantAtPos(pos);
    const call = token?.getFirstAncestorByKind(SyntaxKind.CallExpression);
    if (token && call && calleeName(call) === token && token.getText() === ref.callee) return call;
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

/** The declaration an identifier refers to, through imports. */
export function declarationOf(id: Node): Node | undefined {
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
