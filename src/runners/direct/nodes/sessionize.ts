/** sessionize: gap-based sessions per key (Beam's Sessions windows). */
import { SluiceError } from '../../../sdk/errors.js';
import type { SessionizeNode } from '../../../sdk/graph.js';
import { unixSeconds } from '../../../sdk/time.js';
import { callLambda, lambdaError } from '../call.js';
import { partitionBy } from '../partition.js';
import type { NodeContext, Row } from '../scope.js';
import { preview } from '../values.js';

const sessionColumns = ['session_id', 'session_start', 'session_end', 'session_index'] as const;

interface Event {
  readonly row: Row;
  readonly index: number;
  readonly time: number;
}

/** Splits time-sorted events where the gap to the previous event exceeds `gapMs` (strictly). */
function splitSessions(events: readonly Event[], gapMs: number): Event[][] {
  const sessions: Event[][] = [];
  let previous: number | undefined;
  for (const event of events) {
    if (previous === undefined || event.time - previous > gapMs) sessions.push([]);
    sessions[sessions.length - 1]!.push(event);
    previous = event.time;
  }
  return sessions;
}

/**
 * Per key (SQL grouping equality: rows with a NULL key form sessions together), events sorted
 * by time (ties in input order) start a new session when more than `gapSeconds` after the
 * previous event; exactly `gapSeconds` stays in the session. Adds
 * `session_id` = `${String(key)}-${unixSeconds(session_start)}` (a NULL key renders `null`),
 * `session_start` / `session_end` (first / last event time) and `session_index` (0-based).
 * Output rows keep the input order.
 */
export function sessionize(node: SessionizeNode, ctx: NodeContext): Row[] {
  const rows = ctx.rows(node.inputs[0]!);
  const clash = rows.length > 0 ? sessionColumns.find((c) => c in rows[0]!) : undefined;
  if (clash !== undefined) throw new SluiceError(`sessionize adds '${clash}', which already exists in the input rows`, node.site);

  const events = rows.map((row, index) => {
    const time = callLambda(node.time, row);
    if (!(time instanceof Date) || Number.isNaN(time.getTime())) {
      throw lambdaError(node.time, `must return a valid Date, returned ${preview(time, 60)} on ${preview(row)}`);
    }
    return { row, index, time: time.getTime() };
  });
  const out = new Array<Row>(rows.length);
  for (const part of partitionBy(events, (e) => callLambda(node.key, e.row))) {
    const sorted = [...part.items].sort((a, b) => a.time - b.time);
    for (const session of splitSessions(sorted, node.gapSeconds * 1000)) {
      const start = new Date(session[0]!.time);
      const end = session[session.length - 1]!.time;
      const id = `${String(part.key ?? null)}-${unixSeconds(start)}`;
      session.forEach((e, i) => {
        out[e.index] = { ...e.row, session_id: id, session_start: new Date(start), session_end: new Date(end), session_index: i };
      });
    }
  }
  return out;
}
