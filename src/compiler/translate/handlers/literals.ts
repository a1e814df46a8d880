/** Literals: strings, numbers, booleans, null, template literals, regex literals. */
import { Node } from 'ts-morph';
import { ty, type Expr } from '../../ir/expr.js';
import { lit, op } from '../build.js';
import type { Cx } from '../context.js';
import { fail } from '../errors.js';
import { toRe2 } from '../regex.js';
import { nullLit } from '../types.js';
import type { RegexVal, Val } from '../values.js';
import { jsString } from './convert.js';

export function stringLiteral(node: Node): Expr {
  if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) return lit(node.getLiteralValue());
  return fail(node, 'expected a string literal');
}

export function numericLiteral(node: Node): Expr {
  if (!Node.isNumericLiteral(node)) return fail(node, 'expected a number');
  return lit(node.getLiteralValue());
}

export const trueLiteral = (): Expr => lit(true);
export const falseLiteral = (): Expr => lit(false);
export const nullLiteral = (): Expr => nullLit();

/** `` `${a}-${b}` ``: concatenation of the JS string forms of the parts. */
export function templateLiteral(node: Node, cx: Cx): Expr {
  if (!Node.isTemplateExpression(node)) return fail(node, 'expected a template literal');
  const parts: Expr[] = [];
  const head = node.getHead().getLiteralText();
  if (head) parts.push(lit(head));
  for (const span of node.getTemplateSpans()) {
    const inner = span.getExpression();
    parts.push(jsString(cx.expr(inner), inner, cx));
    const text = span.getLiteral().getLiteralText();
    if (text) parts.push(lit(text));
  }
  if (parts.length === 1) return parts[0]!;
  return op('concat', parts, ty.string(parts.some((p) => p.type.nullable)), node);
}

/** `/x+/gi`: only usable as the receiver of `.test` / the pattern of `.replace`. */
export function regexLiteral(node: Node): Val {
  if (!Node.isRegularExpressionLiteral(node)) return fail(node, 'expected a regex literal');
  const text = node.getText();
  const slash = text.lastIndexOf('/');
  const re = toRe2(text.slice(1, slash), text.slice(slash + 1), node);
  const val: RegexVal = { k: 'regex', pattern: re.pattern, global: re.global, groups: re.groups, node };
  return val;
}
