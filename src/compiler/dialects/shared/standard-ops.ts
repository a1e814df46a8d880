/**
 * Operations whose standard SQL spelling both dialects share (comparisons with the NaN
 * guards, null tests, logic, IN, COALESCE). A dialect spreads this table and overrides or adds
 * the rest, so a difference between dialects is always a visible override.
 */
import { fn, infix, nanSafeCompare, nanSafeDistinct, postfix } from './op-builders.js';
import { paren } from './parens.js';
import type { OpTable } from './sql-spec.js';

export const standardOps: OpTable = {
  eq: nanSafeCompare('='),
  neq: nanSafeCompare('<>'),
  lt: nanSafeCompare('<'),
  le: nanSafeCompare('<='),
  gt: nanSafeCompare('>'),
  ge: nanSafeCompare('>='),
  not_distinct: nanSafeDistinct(false),
  is_distinct: nanSafeDistinct(true),
  is_null: postfix('IS NULL'),
  is_not_null: postfix('IS NOT NULL'),
  in: ({ args: [x, ...list] }) => paren(`${x} IN (${list.join(', ')})`),
  and: infix('AND'),
  or: infix('OR'),
  not: ({ args }) => paren(`NOT ${args[0]}`),
  coalesce: fn('COALESCE'),
};
