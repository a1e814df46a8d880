/**
 * Null narrowing, as TypeScript does it: in `x !== null && f(x)`, in the true branch of
 * `x !== null ? f(x) : d`, in `x === null || f(x)` and after `if (x === null) return d`, the
 * value `x` is known to be non-null, so `f(x)` translates as over a non-null value.
 *
 * Sound in SQL too: the narrowed operand only decides the result when the condition holds
 * (FALSE AND y is FALSE and TRUE OR y is TRUE whatever y is; CASE evaluates a branch only
 * when it is taken), and translated expressions never raise errors.
 */
import { Node, SyntaxKind } from 'ts-morph';

/** The key under which a fact about an expression is recorded: its text without spaces or parentheses. */
export function factKey(node: Node): string {
  let n = node;
  while (Node.isParenthesizedExpression(n)) n = n.getExpression();
  return n.getText().replace(/\s+/g, '');
}

const isNullish = (n: Node) => Node.isNullLiteral(n) || (Node.isIdentifier(n) && n.getText() === 'undefined');

/** Expressions known to be non-null when `cond` evaluates to `outcome`. */
export function nonNullWhen(cond: Node, outcome: boolean): string[] {
  if (Node.isParenthesizedExpression(cond)) return nonNullWhen(cond.getExpression(), outcome);
  if (Node.isPrefixUnaryExpression(cond) && cond.getOperatorToken() === SyntaxKind.ExclamationToken) {
    return nonNullWhen(cond.getOperand(), !outcome);
  }
  if (!Node.isBinaryExpression(cond)) return [];
  const operator = cond.getOperatorToken().getKind();
  const [left, right] = [cond.getLeft(), cond.getRight()];
  if (operator === SyntaxKind.AmpersandAmpersandToken) {
    return outcome ? [...nonNullWhen(left, true), ...nonNullWhen(right, true)] : [];
  }
  if (operator === SyntaxKind.BarBarToken) {
    return outcome ? [] : [...nonNullWhen(left, false), ...nonNullWhen(right, false)];
  }
  const negated = operator === SyntaxKind.ExclamationEqualsEqualsToken || operator === SyntaxKind.ExclamationEqualsToken;
  const equal = operator === SyntaxKind.EqualsEqualsEqualsToken || operator === SyntaxKind.EqualsEqualsToken;
  if (!negated && !equal) return [];
  const value = isNullish(right) ? left : isNullish(left) ? right : undefined;
  // `x !== null` holds: x is non-null; `x === null` fails: x is non-null.
  return value && outcome === negated ? [factKey(value)] : [];
}
