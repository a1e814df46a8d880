/**
 * What the syntax says about project helpers and consts, for the nullness decisions
 * (nullness.ts, undefined-free.ts): the helper a call inlines, the expressions it can return,
 * and the initializer of a module const. Names are resolved syntactically (resolve.ts); where
 * that cannot tell, the answer is undefined and callers fall back to the type checker.
 */
import { Node, type CallExpression } from 'ts-morph';
import type { FunctionLike } from './locate.js';
import { exportOf, resolveIdentifier } from './resolve.js';

const isFunctionNode = (n: Node): n is FunctionLike =>
  Node.isArrowFunction(n) || Node.isFunctionExpression(n) || Node.isFunctionDeclaration(n) || Node.isMethodDeclaration(n);

/** The project function `call` calls by name (a function declaration or a const arrow / function), with a body. */
export function helperCalled(call: CallExpression): FunctionLike | undefined {
  const callee = call.getExpression();
  let decl: Node | undefined;
  if (Node.isIdentifier(callee)) {
    const resolved = resolveIdentifier(callee);
    decl = typeof resolved === 'symbol' ? undefined : resolved;
  } else if (Node.isPropertyAccessExpression(callee) && Node.isIdentifier(callee.getExpression())) {
    // `time.year(ts)`: a function of a namespace-imported module.
    const module = resolveIdentifier(callee.getExpression());
    decl = module && typeof module !== 'symbol' && Node.isSourceFile(module) ? exportOf(module, callee.getName()) : undefined;
  }
  if (!decl || decl.getSourceFile().isDeclarationFile()) return undefined;
  const fn = Node.isVariableDeclaration(decl) ? constInitializer(decl) : decl;
  if (!fn || !isFunctionNode(fn) || !fn.getBody() || fn.isAsync() || (!Node.isArrowFunction(fn) && fn.isGenerator())) return undefined;
  return fn;
}

/** The initializer of `decl` when it is a plain `const name = init` (its value never changes). */
export function constInitializer(decl: Node): Node | undefined {
  if (!Node.isVariableDeclaration(decl) || !Node.isIdentifier(decl.getNameNode())) return undefined;
  if (decl.getVariableStatement()?.getDeclarationKind() !== 'const') return undefined;
  return decl.getInitializer();
}

/** The module const a free name `id` refers to: its initializer, or undefined. */
export function constValueOf(id: Node): Node | undefined {
  const decl = resolveIdentifier(id);
  if (!decl || typeof decl === 'symbol' || decl.getSourceFile().isDeclarationFile()) return undefined;
  return constInitializer(decl);
}

/**
 * Every expression `fn` can return, or undefined when it may also end without returning or
 * its body holds statements other than const declarations, ifs, blocks and returns.
 */
export function returnedExpressions(fn: FunctionLike): Node[] | undefined {
  const body = fn.getBody();
  if (!body) return undefined;
  if (!Node.isBlock(body)) return [body];
  const out: Node[] = [];
  try {
    return alwaysReturns(body, out) ? out : undefined;
  } catch (e) {
    if (e === NO_ANSWER) return undefined;
    throw e;
  }
}

/** Collects the returned expressions of `stmt`; true when every path through it returns. Throws {@link NO_ANSWER} on unmodeled statements. */
function alwaysReturns(stmt: Node, out: Node[]): boolean {
  if (Node.isReturnStatement(stmt)) {
    const e = stmt.getExpression();
    if (!e) throw NO_ANSWER;
    out.push(e);
    return true;
  }
  if (Node.isBlock(stmt)) {
    let returns = false;
    for (const s of stmt.getStatements()) {
      if (returns) break; // unreachable
      returns = alwaysReturns(s, out);
    }
    return returns;
  }
  if (Node.isIfStatement(stmt)) {
    const then = alwaysReturns(stmt.getThenStatement(), out);
    const otherwise = stmt.getElseStatement();
    return (otherwise ? alwaysReturns(otherwise, out) : false) && then;
  }
  if (Node.isVariableStatement(stmt) || Node.isEmptyStatement(stmt)) return false;
  throw NO_ANSWER;
}

const NO_ANSWER = new Error('statement the nullness analysis does not model');
