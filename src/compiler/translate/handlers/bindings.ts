/** Identifiers bound outside the lambda: consts, enum members, helper functions. */
import { Node } from 'ts-morph';
import { lit } from '../build.js';
import type { Cx } from '../context.js';
import { fail } from '../errors.js';
import type { FunctionLike } from '../locate.js';
import type { Val } from '../values.js';

/** A `const` anywhere in the project: its initializer translated statically (cached). */
export function constBinding(use: Node, decl: Node, cx: Cx): Val {
  if (!Node.isVariableDeclaration(decl)) return fail(use, 'expected a const');
  return cx.constant(decl, decl.getInitializerOrThrow());
}

/** `Status.Active`: the member's constant value. */
export function enumBinding(use: Node, decl: Node): Val {
  if (!Node.isEnumMember(decl)) return fail(use, 'expected an enum member');
  const value = decl.getValue();
  if (value === undefined) return fail(use, `the enum member '${decl.getName()}' has no constant value`, 'give enum members literal values');
  return lit(value);
}

/** `normEmail(r.email)`: the helper's body translated with its parameters bound to the arguments. */
export function helperBinding(use: Node, decl: Node, cx: Cx): Val {
  if (!Node.isCallExpression(use)) return fail(use, 'expected a call');
  const fn = decl as FunctionLike;
  if (fn.isAsync() || (!Node.isArrowFunction(fn) && fn.isGenerator())) fail(use, 'async and generator functions cannot be inlined');
  return cx.inline(fn, use.getArguments().map((a) => cx.val(a)), use);
}
