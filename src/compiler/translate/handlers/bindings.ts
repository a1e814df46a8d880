/** Identifiers bound outside the lambda: consts, enum members, helper functions. */
import { Node, SyntaxKind, type EnumMember } from 'ts-morph';
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
  const value = literalEnumValue(decl) ?? decl.getValue();
  if (value === undefined) return fail(use, `the enum member '${decl.getName()}' has no constant value`, 'give enum members literal values');
  return lit(value);
}

/**
 * A member's value read from the syntax (a literal, or the previous numeric member plus one):
 * the checker's `getValue()` builds the whole program, so it only decides computed members.
 */
function literalEnumValue(member: EnumMember): string | number | undefined {
  const init = member.getInitializer();
  if (!init) {
    const previous = member.getPreviousSiblingIfKind(SyntaxKind.EnumMember);
    if (!previous) return 0;
    const before = literalEnumValue(previous);
    return typeof before === 'number' ? before + 1 : undefined;
  }
  if (Node.isStringLiteral(init) || Node.isNoSubstitutionTemplateLiteral(init)) return init.getLiteralValue();
  if (Node.isNumericLiteral(init)) return init.getLiteralValue();
  if (Node.isPrefixUnaryExpression(init) && init.getOperatorToken() === SyntaxKind.MinusToken) {
    const operand = init.getOperand();
    if (Node.isNumericLiteral(operand)) return -operand.getLiteralValue();
  }
  return undefined;
}

/** `normEmail(r.email)`: the helper's body translated with its parameters bound to the arguments. */
export function helperBinding(use: Node, decl: Node, cx: Cx): Val {
  if (!Node.isCallExpression(use)) return fail(use, 'expected a call');
  const fn = decl as FunctionLike;
  if (fn.isAsync() || (!Node.isArrowFunction(fn) && fn.isGenerator())) fail(use, 'async and generator functions cannot be inlined');
  return cx.inline(fn, use.getArguments().map((a) => cx.val(a)), use);
}
