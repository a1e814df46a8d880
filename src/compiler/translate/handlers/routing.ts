/**
 * Syntax that routes to other table entries: identifiers (scope, consts, enums), member
 * access (row fields, struct fields, properties), calls (methods, functions, helpers),
 * operators, and transparent wrappers (parentheses, `as`, `satisfies`).
 */
import { Node, type BinaryExpression, type NewExpression, type PrefixUnaryExpression } from 'ts-morph';
import { typeToString } from '../../../sdk/schema.js';
import type { Expr } from '../../ir/expr.js';
import type { Cx, Family } from '../context.js';
import { fail, snippet } from '../errors.js';
import { declarationOf, isFunctionLike, isKnownGlobal } from '../locate.js';
import { refusal } from '../refusals.js';
import { jsKind } from '../types.js';
import { isExpr, rowColumn, type Val } from '../values.js';
import { arrayAt } from './structures.js';

/** The value family whose methods / properties apply to a type. */
export function familyOf(e: Expr): Family | undefined {
  const kind = jsKind(e.type);
  return kind === 'object' || kind === 'json' ? undefined : kind;
}

const isLibFile = (node: Node) => {
  const sf = node.getSourceFile();
  return sf.isDeclarationFile() && (sf.isFromExternalLibrary() || sf.isInNodeModules() || /\/typescript\/lib\/lib\./.test(sf.getFilePath()));
};

const NAMESPACES = /^(Math|Date|JSON|Object|Number|String|Array|Intl|console)$/;
const SDK_TIME = /\/sdk\/time\.ts$/;
const SDK_ORDERING = /\/sdk\/ordering\.ts$/;

/** The namespace an expression names: a JS global (`Math`, `Date`, ...) or the SDK's `time`. */
export function namespaceOf(node: Node): string | undefined {
  if (!Node.isIdentifier(node)) return undefined;
  if (isKnownGlobal(node)) return NAMESPACES.test(node.getText()) ? node.getText() : undefined;
  const decl = declarationOf(node);
  if (!decl) return undefined;
  if (Node.isSourceFile(decl) && SDK_TIME.test(decl.getFilePath())) return 'time';
  if (isLibFile(decl) && NAMESPACES.test(node.getText())) return node.getText();
  return undefined;
}

/** The name a free function call resolves to in the table: a JS global, an SDK helper, or undefined. */
function knownFunction(callee: Node): string | undefined {
  if (isKnownGlobal(callee)) return callee.getText();
  const decl = declarationOf(callee);
  if (!decl) return undefined;
  const file = decl.getSourceFile().getFilePath();
  if (SDK_TIME.test(file)) return `time.${callee.getText()}`;
  if (SDK_ORDERING.test(file)) return callee.getText();
  if (isLibFile(decl)) return callee.getText();
  return undefined;
}

function listNames(cx: Cx, kind: 'method' | 'property' | 'function', prefix: string): string {
  const names = cx
    .entries()
    .flatMap((e) => (e.kind === kind ? [e.kind === 'function' ? e.name : `${e.on}.${e.name}`] : []))
    .filter((n) => n.startsWith(prefix))
    .map((n) => n.slice(prefix.length));
  return names.length ? `supported: ${names.join(', ')}` : 'see docs/expressions.md for the supported subset';
}

function unsupportedFunction(node: Node, name: string, cx: Cx): never {
  const known = refusal(`function:${name}`);
  const ns = name.includes('.') ? name.slice(0, name.indexOf('.') + 1) : '';
  fail(node, `'${name}' is not supported in lambdas${known ? `: ${known.reason}` : ''}`, known?.hint ?? listNames(cx, 'function', ns));
}

// ---- identifiers ------------------------------------------------------------------------

/** A name: a parameter or local const in scope, else a const / enum of the project. */
export function identifier(node: Node, cx: Cx): Val {
  const name = node.getText();
  const bound = cx.scope.lookup(name);
  if (bound) return bound;
  const known = refusal(`identifier:${name}`);
  if (known) fail(node, `'${name}' is not supported: ${known.reason}`, known.hint);
  const decl = declarationOf(node);
  if (!decl) return fail(node, `cannot resolve '${name}'`);
  if (Node.isVariableDeclaration(decl)) {
    const list = decl.getParent();
    const kind = Node.isVariableDeclarationList(list) ? list.getDeclarationKind() : undefined;
    if (kind !== 'const' || !decl.getVariableStatement()) {
      fail(node, `'${name}' is a captured mutable variable (declared with ${kind ?? 'a loop'}): its value at run time is unknown to the compiler`, `declare it with const at module level (a literal, a const array or object), or read the value from a column`);
    }
    const init = decl.getInitializer();
    if (!init || isLibFile(decl) || decl.getSourceFile().isDeclarationFile()) fail(node, `'${name}' has no initializer the compiler can read`, 'use a const with a literal value');
    if (isFunctionLike(init)) fail(node, `the function '${name}' can only be called here`, `call it: ${name}(...)`);
    if (!Node.isIdentifier(decl.getNameNode())) fail(node, `'${name}' comes from a destructuring declaration`, 'declare it as a plain const');
    return cx.entry('binding', 'const')!.translate(node, decl, cx);
  }
  if (Node.isParameterDeclaration(decl) || Node.isBindingElement(decl)) {
    fail(node, `'${name}' is a captured parameter of an enclosing function: its value is only known at run time`, 'use a module-level const, or pass the value in a column');
  }
  if (Node.isFunctionDeclaration(decl)) fail(node, `the function '${name}' can only be called here`, `call it: ${name}(...)`);
  return fail(node, `'${name}' (${decl.getKindName()}) cannot be used in a lambda`, 'only parameters, consts, enum members and helper functions are resolved');
}

// ---- member access ----------------------------------------------------------------------

/** `recv.name`: a row's column, a struct's field, or a table property (`.length`). */
export function member(recv: Val, name: string, nameNode: Node, node: Node, cx: Cx): Val {
  if (recv.k === 'row') {
    const field = recv.fields.find((f) => f.name === name);
    if (!field) fail(nameNode, `unknown field '${name}' on this row`, `the row has: ${recv.fields.map((f) => f.name).join(', ')}`);
    return rowColumn(recv, field);
  }
  if (!isExpr(recv)) return fail(node, `'${snippet(node)}' reads a property of a ${recv.k === 'regex' ? 'regex' : 'desc() key'}`);
  if (recv.k === 'struct') {
    const field = recv.fields.find((f) => f.name === name);
    if (!field) fail(nameNode, `unknown field '${name}' in this object`, `it has: ${recv.fields.map((f) => f.name).join(', ')}`);
    return field.expr;
  }
  if (recv.type.kind === 'STRUCT') {
    const field = recv.type.fields!.find((f) => f.name === name);
    if (!field) fail(nameNode, `unknown field '${name}' of ${typeToString(recv.type)}`);
    return { k: 'field', of: recv, name, type: recv.type.nullable ? { ...field.type, nullable: true } : field.type };
  }
  const family = familyOf(recv);
  const entry = family && cx.entry('property', `${family}.${name}`);
  if (entry) return entry.translate(recv, node, cx);
  return fail(nameNode, `the property '${name}' of a ${recv.type.kind} value is not supported`, family ? listNames(cx, 'property', `${family}.`) : undefined);
}

/** `a.b` (also `a?.b`: SQL NULL propagation gives `?.` for free). */
export function propertyAccess(node: Node, cx: Cx): Val {
  if (!Node.isPropertyAccessExpression(node)) return fail(node, 'expected a.b');
  const target = node.getExpression();
  const name = node.getName();
  const ns = namespaceOf(target);
  if (ns) {
    const constant = cx.entry('constant', `${ns}.${name}`);
    if (constant) return constant.value;
    return unsupportedFunction(node, `${ns}.${name}`, cx);
  }
  if (Node.isIdentifier(target) && !cx.scope.lookup(target.getText())) {
    const decl = declarationOf(target);
    if (decl && Node.isEnumDeclaration(decl)) {
      const memberDecl = decl.getMember(name);
      if (!memberDecl) return fail(node.getNameNode(), `enum ${decl.getName()} has no member '${name}'`);
      return cx.entry('binding', 'enum')!.translate(node, memberDecl, cx);
    }
  }
  return member(cx.val(target), name, node.getNameNode(), node, cx);
}

/** `a['b']` (a literal key) or `arr[i]`. */
export function elementAccess(node: Node, cx: Cx): Val {
  if (!Node.isElementAccessExpression(node)) return fail(node, 'expected a[b]');
  const arg = node.getArgumentExpressionOrThrow();
  const recv = cx.val(node.getExpression());
  if (isExpr(recv) && recv.type.kind === 'ARRAY') return arrayAt(recv, cx.expr(arg), node);
  const key = cx.expr(arg);
  if (key.k !== 'lit' || typeof key.value !== 'string') return fail(arg, 'a computed key must be a literal string', 'write r.field');
  return member(recv, key.value, arg, node, cx);
}

// ---- calls ------------------------------------------------------------------------------

/** Calls: methods of values and regexes, `Math.*` / `time.*` / global functions, project helpers. */
export function call(node: Node, cx: Cx): Val {
  if (!Node.isCallExpression(node)) return fail(node, 'expected a call');
  const callee = node.getExpression();
  const args = node.getArguments();
  if (Node.isPropertyAccessExpression(callee)) {
    const name = callee.getName();
    const ns = namespaceOf(callee.getExpression());
    if (ns) {
      const fn = cx.entry('function', `${ns}.${name}`);
      return fn ? fn.translate({ call: node, args }, cx) : unsupportedFunction(callee, `${ns}.${name}`, cx);
    }
    const recv = cx.val(callee.getExpression());
    if (recv.k === 'regex') {
      const entry = cx.entry('regex', name);
      if (!entry) return fail(callee.getNameNode(), `the regex method '${name}' is not supported`, 'use re.test(s), s.replace(re, r) or s.replaceAll(re, r)');
      return entry.translate({ call: node, receiver: recv, args }, cx);
    }
    if (!isExpr(recv)) return fail(callee.getNameNode(), `'${name}()' called on a ${recv.k === 'row' ? 'whole row' : 'desc() key'}`, 'call methods on fields, e.g. r.email.trim()');
    const family = familyOf(recv);
    const entry = family && cx.entry('method', `${family}.${name}`);
    if (entry) return entry.translate({ call: node, receiver: recv, args }, cx);
    const known = refusal(`method:${family}.${name}`) ?? refusal(`method:*.${name}`);
    return fail(
      callee.getNameNode(),
      `the method '${name}' of a ${recv.type.kind} value is not supported${known ? `: ${known.reason}` : ''}`,
      known?.hint ?? (family ? listNames(cx, 'method', `${family}.`) : undefined),
    );
  }
  if (Node.isIdentifier(callee)) {
    const name = callee.getText();
    if (cx.scope.lookup(name)) return fail(callee, `'${name}' is a value, not a function the compiler can inline`);
    const known = knownFunction(callee);
    if (known) {
      const fn = cx.entry('function', known);
      return fn ? fn.translate({ call: node, args }, cx) : unsupportedFunction(callee, known, cx);
    }
    const decl = declarationOf(callee);
    const fn = decl && Node.isVariableDeclaration(decl) ? decl.getInitializer() : decl;
    if (decl && fn && isFunctionLike(fn) && fn.getBody() && !decl.getSourceFile().isDeclarationFile() && !decl.getSourceFile().isInNodeModules()) {
      if (Node.isVariableDeclaration(decl) && decl.getVariableStatement()?.getDeclarationKind() !== 'const') {
        fail(callee, `'${name}' is a mutable variable holding a function`, 'declare the helper with const or as a function declaration');
      }
      return cx.entry('binding', 'helper')!.translate(node, fn, cx);
    }
    return fail(callee, `unknown function '${name}': only pure helper functions of the project, Math.*, Number/String/Boolean and the SDK's time helpers can be called`, 'write the logic inline, or as a helper function in the project');
  }
  return fail(callee, `'${snippet(callee)}' cannot be called in a lambda`);
}

/** `new Date(literal)`; any other `new` is refused. */
export function newExpression(node: Node, cx: Cx): Val {
  if (!Node.isNewExpression(node)) return fail(node, 'expected new');
  const target = node.getExpression();
  const name = namespaceOf(target) ?? target.getText();
  const fn = cx.entry('function', `new ${name}`);
  if (!fn) return fail(node, `'new ${name}(...)' is not supported in lambdas`, 'only new Date(<literal>) is; read values from columns');
  return fn.translate({ call: node as NewExpression, args: node.getArguments() }, cx);
}

// ---- operators --------------------------------------------------------------------------

export function binary(node: Node, cx: Cx): Val {
  if (!Node.isBinaryExpression(node)) return fail(node, 'expected a binary expression');
  const operator = node.getOperatorToken().getText();
  const entry = cx.entry('binary', operator);
  if (entry) return entry.translate(node as BinaryExpression, cx);
  const known = refusal(`binary:${operator}`);
  return fail(node.getOperatorToken(), `the operator '${operator}' is not supported${known ? `: ${known.reason}` : ''}`, known?.hint);
}

export function prefix(node: Node, cx: Cx): Val {
  if (!Node.isPrefixUnaryExpression(node)) return fail(node, 'expected a prefix operator');
  const operator = node.getText().slice(0, node.getText().length - node.getOperand().getText().length).trim();
  const entry = cx.entry('prefix', operator);
  if (entry) return entry.translate(node as PrefixUnaryExpression, cx);
  const known = refusal(`prefix:${operator}`);
  return fail(node, `the operator '${operator}' is not supported${known ? `: ${known.reason}` : ''}`, known?.hint);
}

/** `(x)`, `x as T`, `x satisfies T`, `<T>x`: no run-time effect. */
export function transparent(node: Node, cx: Cx): Val {
  if (Node.isParenthesizedExpression(node) || Node.isAsExpression(node) || Node.isSatisfiesExpression(node) || Node.isTypeAssertion(node)) {
    return cx.val(node.getExpression());
  }
  return fail(node, 'expected a parenthesized or cast expression');
}

