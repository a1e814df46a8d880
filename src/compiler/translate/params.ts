/**
 * Binds function parameters (and const declarations) to values: plain names, and object
 * destructuring of rows and structs (`({ email, id: customerId, ...rest }) =>`).
 */
import { Node, type BindingName } from 'ts-morph';
import type { Cx } from './context.js';
import { fail } from './errors.js';
import { member } from './handlers/routing.js';
import type { FunctionLike } from './locate.js';
import type { Scope } from './scope.js';
import type { Val } from './values.js';

/** Binds `name` (an identifier or object pattern) to `val` in `scope`. */
export function bindName(name: BindingName, val: Val, scope: Scope, cx: Cx): void {
  if (Node.isIdentifier(name)) {
    scope.bind(name.getText(), val);
    return;
  }
  if (!Node.isObjectBindingPattern(name)) fail(name, 'array destructuring is not supported', 'destructure objects, or index the array: a[0]');
  const taken: string[] = [];
  for (const el of name.getElements()) {
    if (el.getInitializer()) fail(el, 'defaults in destructuring are not supported', 'use ?? in the body');
    if (el.getDotDotDotToken()) {
      if (val.k !== 'row') fail(el, 'a rest element needs a row');
      scope.bind(el.getName(), { ...val, fields: val.fields.filter((f) => !taken.includes(f.name)) });
      continue;
    }
    const keyNode = el.getPropertyNameNode() ?? el.getNameNode();
    const key = keyNode.getText();
    taken.push(key);
    bindName(el.getNameNode(), member(val, key, keyNode, el, cx), scope, cx);
  }
}

/**
 * Binds a function's parameters to `args`. Missing arguments take the parameter's default
 * (translated in the function's own scope); rest parameters are refused.
 */
export function bindParams(fn: FunctionLike, args: readonly Val[], scope: Scope, cx: Cx, site: Node): void {
  const params = fn.getParameters();
  if (args.length > params.length) fail(site, `too many arguments: the function takes ${params.length}`);
  params.forEach((p, i) => {
    if (p.isRestParameter()) fail(p, 'rest parameters are not supported', 'list the parameters');
    let arg = args[i];
    if (!arg) {
      const init = p.getInitializer();
      if (!init) fail(site, `missing argument '${p.getName()}' (it would be undefined)`, 'pass every argument');
      arg = cx.within(scope, () => cx.val(init));
    }
    bindName(p.getNameNode(), arg, scope, cx);
  });
}
