/**
 * Navigation in the trees the service returns (resolved ASTs and parse trees). They are
 * protobuf messages decoded with `oneofs: true`: polymorphic nodes are wrappers whose `node`
 * field names the member that is set, and inherited fields live in nested `parent` messages.
 */
import type { TypeProto__Output } from './proto-types.js';

/** A decoded protobuf message. */
export type Message = Record<string, unknown>;

/** Follows `node` discriminators down to the concrete message; returns the member names too. */
export function unwrap(message: Message): { kinds: string[]; node: Message } {
  const kinds: string[] = [];
  let node = message;
  for (;;) {
    const member = node['node'];
    const inner = typeof member === 'string' ? node[member] : undefined;
    if (!isMessage(inner)) return { kinds, node };
    kinds.push(member as string);
    node = inner;
  }
}

/** A field of `node` or of one of its `parent` (base class) messages. */
export function field(node: Message, name: string): unknown {
  for (let current: unknown = node; isMessage(current); current = current['parent']) {
    const value = current[name];
    if (value !== undefined && value !== null) return value;
  }
  return undefined;
}

/** Like {@link field}, for a field holding a message. */
export function messageField(node: Message, name: string): Message | undefined {
  const value = field(node, name);
  return isMessage(value) ? value : undefined;
}

/** Like {@link field}, for a repeated message field (empty when absent). */
export function listField(node: Message, name: string): Message[] {
  const value = field(node, name);
  return Array.isArray(value) ? value.filter(isMessage) : [];
}

/** Byte range of a parse-tree node. */
export function byteRange(node: Message): { start: number; end: number } {
  const range = messageField(unwrap(node).node, 'parseLocationRange');
  return { start: Number(range?.['start'] ?? 0), end: Number(range?.['end'] ?? 0) };
}

/** A column of a resolved statement's output: its name and ZetaSQL type. */
export interface ResolvedColumn {
  readonly name: string;
  readonly type: TypeProto__Output;
}

/**
 * The columns a resolved statement produces: the output columns of a query, CREATE ... AS
 * SELECT or view, or the column definitions of CREATE TABLE (x INT64, ...). Empty for
 * statements without output (MERGE, INSERT, DROP, ...).
 */
export function outputColumns(statement: Message): ResolvedColumn[] {
  const output = listField(statement, 'outputColumnList');
  if (output.length > 0) {
    return output.map((c) => ({ name: String(c['name']), type: (c['column'] as { type: TypeProto__Output }).type }));
  }
  return listField(statement, 'columnDefinitionList').map((c) => ({
    name: String(c['name']),
    type: c['type'] as TypeProto__Output,
  }));
}

/** The short kind of a resolved statement member name: `resolvedQueryStmtNode` → `QueryStmt`. */
export function statementKind(kinds: readonly string[]): string {
  const last = kinds[kinds.length - 1] ?? 'unknown';
  return last.replace(/^resolved/, '').replace(/Node$/, '');
}

function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}
