/**
 * sessionize → a chain of SELECTs computing gap-based sessions per key (Beam's Sessions):
 *
 * 1. project: the input plus helper columns for the key parts and the event time;
 * 2. window:  the previous event time of the same key (lag);
 * 3. project: a new-session flag, 1 when there is no previous event, or the time is NULL,
 *             or the time is STRICTLY later than previous + gapSeconds;
 * 4. window:  the running sum of the flag = the session number within the key (ties in
 *             time put the flagged row first, so the number never depends on tie order);
 * 5. window:  per key and session number, the first and last time (session bounds) and the
 *             row number (session_index is that number - 1, in time order);
 * 6. project: the input columns plus session_id, session_start, session_end, session_index.
 *
 * session_id = each key part as a JS string (`null` for NULL), '-', repeated per part, then
 * the session start in whole Unix seconds: `user42-1700000000`.
 * Rows with a NULL time each form their own session (they sort first, as NULLs do).
 */
import type { SessionizeNode } from '../../../sdk/graph.js';
import { SluiceError } from '../../../sdk/errors.js';
import type { SqlField } from '../../../sdk/schema.js';
import { ty, withNullable, type Expr, type NamedExpr, type OrderItem } from '../../ir/expr.js';
import type { Origin, Rel, WindowCall } from '../../ir/rel.js';
import { col, identityColumns, isNull, lit, op, or } from '../util/exprs.js';
import { freshName, schemaOf } from '../util/schema.js';
import { onlyInput, originOf, type LowerContext } from './context.js';

const SESSION_COLUMNS = ['session_id', 'session_start', 'session_end', 'session_index'] as const;

/** Helper column names that do not collide with the input's. */
function helperNames(input: readonly SqlField[], keyCount: number) {
  const taken = new Set([...input.map((f) => f.name), ...SESSION_COLUMNS]);
  const claim = (base: string) => {
    const name = freshName(base, taken);
    taken.add(name);
    return name;
  };
  return {
    keys: Array.from({ length: keyCount }, (_, i) => claim(`__session_key_${i}`)),
    time: claim('__session_time'),
    prev: claim('__session_prev_time'),
    isNew: claim('__session_is_new'),
    number: claim('__session_no'),
    row: claim('__session_row'),
  };
}

function project(input: Rel, extra: readonly NamedExpr[], origin: Origin): Rel {
  const columns = [...identityColumns(input.schema), ...extra];
  return { k: 'project', input, columns, schema: schemaOf(columns, input.schema), origin };
}

function window(input: Rel, partition: readonly Expr[], order: readonly OrderItem[], calls: readonly { call: WindowCall; field: SqlField }[], origin: Origin): Rel {
  return {
    k: 'window',
    input,
    partition,
    order,
    columns: calls.map((c) => c.call),
    schema: [...input.schema, ...calls.map((c) => c.field)],
    origin,
  };
}

/** `key1-key2-...-<unix seconds of start>`, each key part rendered as JS would. */
function sessionId(keys: readonly Expr[], start: Expr): Expr {
  const parts: Expr[] = [];
  for (const key of keys) {
    const text = key.type.kind === 'STRING' ? key : op('to_string', [key], ty.string(key.type.nullable));
    parts.push(key.type.nullable ? op('coalesce', [text, lit('null', ty.string())], ty.string()) : text, lit('-', ty.string()));
  }
  const seconds = op('unix_seconds', [start], ty.int64(start.type.nullable));
  parts.push(op('to_string', [seconds], ty.string(start.type.nullable)));
  return op('concat', parts, ty.string(start.type.nullable));
}

export function lowerSessionize(node: SessionizeNode, ctx: LowerContext): Rel {
  const input = onlyInput(node, ctx);
  const origin = originOf(node);
  const clash = input.schema.filter((f) => (SESSION_COLUMNS as readonly string[]).includes(f.name));
  if (clash.length > 0) {
    throw new SluiceError(`sessionize() adds ${clash.map((f) => `'${f.name}'`).join(', ')}, which the input already has`, node.site, 'rename or drop those columns first');
  }
  const params = [{ fields: input.schema }];
  const keyExprs = ctx.env.translator.key(node.key, params).map((k) => k.expr);
  const timeExpr = ctx.env.translator.scalar(node.time, params);
  if (timeExpr.type.kind !== 'TIMESTAMP') throw new SluiceError(`sessionize time must be a timestamp, got ${timeExpr.type.kind}`, node.site);
  const h = helperNames(input.schema, keyExprs.length);

  const withHelpers = project(input, [...keyExprs.map((expr, i) => ({ name: h.keys[i]!, expr })), { name: h.time, expr: timeExpr }], origin);
  const keys = keyExprs.map((e, i) => col(h.keys[i]!, e.type));
  const time = col(h.time, timeExpr.type);
  const byTime = [{ expr: time, desc: false }];

  const prevType = withNullable(timeExpr.type, true);
  const withPrev = window(withHelpers, keys, byTime, [{ call: { name: h.prev, fn: 'lag', arg: time, offset: 1, site: node.site }, field: { name: h.prev, type: prevType } }], origin);

  const prev = col(h.prev, prevType);
  const gap = lit(node.gapSeconds, Number.isInteger(node.gapSeconds) ? ty.int64() : ty.float64());
  const gapEnd = op('add_seconds', [prev, gap], prevType);
  const startsSession = or([isNull(prev), isNull(time), op('gt', [time, gapEnd], ty.bool(true))]);
  const flag: Expr = { k: 'case', whens: [{ when: startsSession, then: lit(1, ty.int64()) }], else: lit(0, ty.int64()), type: ty.int64() };
  const withFlag = project(withPrev, [{ name: h.isNew, expr: flag }], origin);

  const isNew = col(h.isNew, ty.int64());
  const numberCall = { call: { name: h.number, fn: 'running_sum' as const, arg: isNew, site: node.site }, field: { name: h.number, type: ty.int64() } };
  const withNumber = window(withFlag, keys, [...byTime, { expr: isNew, desc: true }], [numberCall], origin);

  const boundType = timeExpr.type;
  const bounds = window(
    withNumber,
    [...keys, col(h.number, ty.int64())],
    byTime,
    [
      { call: { name: 'session_start', fn: 'partition_min', arg: time, site: node.site }, field: { name: 'session_start', type: boundType } },
      { call: { name: 'session_end', fn: 'partition_max', arg: time, site: node.site }, field: { name: 'session_end', type: boundType } },
      { call: { name: h.row, fn: 'row_number', site: node.site }, field: { name: h.row, type: ty.int64() } },
    ],
    origin,
  );

  const start = col('session_start', boundType);
  const columns: NamedExpr[] = [
    ...identityColumns(input.schema),
    { name: 'session_id', expr: sessionId(keys, start) },
    { name: 'session_start', expr: start },
    { name: 'session_end', expr: col('session_end', boundType) },
    { name: 'session_index', expr: op('sub', [col(h.row, ty.int64()), lit(1, ty.int64())], ty.int64()) },
  ];
  return { k: 'project', input: bounds, columns, schema: schemaOf(columns, input.schema), origin };
}
