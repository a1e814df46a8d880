/** `desc(x)` in ordering lambdas. */
import type { Cx, FunctionCall } from '../context.js';
import { fail } from '../errors.js';
import type { DescVal } from '../values.js';

export function desc(f: FunctionCall, cx: Cx): DescVal {
  if (f.args.length !== 1) fail(f.call, 'desc() takes one value');
  return { k: 'desc', expr: cx.expr(f.args[0]!), node: f.call };
}
