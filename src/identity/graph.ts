/**
 * The identity graph: from a table of (record_id, key_type, key_value) match keys to the
 * record ↔ key edges the components step joins, with over-merge protection.
 *
 * A key is dropped (never silently) when its value is on the key type's blocklist, matches
 * one of its blocked patterns, or is shared by more records than the type's degree cap. Every
 * dropped key lands in the audit table with its degree and the reason. Records keep a
 * self-edge, so a record whose keys were all dropped still gets its own component.
 */
import { exec, type Program } from '../compiler/ir/program.js';
import type { SqlFunctions } from './sql/functions.js';
import { tablePath } from '../compiler/programs/quoting.js';

/** Over-merge protection for one key type. */
export interface KeyRule {
  readonly type: string;
  /** Exact normalized values that never link records (`test@test.com`, `+31612345678`). */
  readonly blocked?: readonly string[];
  /** RE2 patterns of values that never link records (`^noemail@`). */
  readonly blockedPatterns?: readonly string[];
  /** Keys shared by more distinct records than this are dropped. Default: no cap. */
  readonly maxDegree?: number;
}

export interface GraphSpec {
  /** Input: columns record_id, key_type, key_value (all STRING; NULL values are ignored). */
  readonly keys: readonly string[];
  /** Output edges: src (record id), dst (`key_type:key_value`), key_type. */
  readonly edges: readonly string[];
  /** Output audit: key_type, key_value, degree, reason. */
  readonly dropped: readonly string[];
  readonly rules: readonly KeyRule[];
}

/** Builds the statements creating the edge and audit tables. */
export function identityGraphProgram(f: SqlFunctions, spec: GraphSpec): Program {
  const keys = tablePath(f, spec.keys);
  const lit = (v: string) => f.stringLiteral(v);
  const ofType = (r: KeyRule) => `key_type = ${lit(r.type)}`;
  const blockedValue = spec.rules
    .filter((r) => r.blocked?.length)
    .map((r) => `(${ofType(r)} AND key_value IN (${r.blocked!.map(lit).join(', ')}))`);
  const blockedPattern = spec.rules.flatMap((r) =>
    (r.blockedPatterns ?? []).map((p) => `(${ofType(r)} AND ${f.regexContains('key_value', p)})`),
  );
  const capped = spec.rules
    .filter((r) => r.maxDegree !== undefined)
    .map((r) => `(${ofType(r)} AND degree > ${Math.floor(r.maxDegree!)})`);
  const any = (conds: string[]) => (conds.length ? conds.join(' OR ') : 'FALSE');
  const dropped = tablePath(f, spec.dropped);
  return {
    steps: [
      exec(
        `CREATE OR REPLACE TABLE ${dropped} AS\n` +
          `SELECT key_type, key_value, degree,\n` +
          `  CASE WHEN ${any(blockedValue)} THEN 'blocked_value' WHEN ${any(blockedPattern)} THEN 'blocked_pattern' ELSE 'degree_cap' END AS reason\n` +
          `FROM (SELECT key_type, key_value, COUNT(DISTINCT record_id) AS degree FROM ${keys}\n` +
          `      WHERE key_value IS NOT NULL GROUP BY key_type, key_value) AS k\n` +
          `WHERE ${any([...blockedValue, ...blockedPattern, ...capped])}`,
      ),
      exec(
        `CREATE OR REPLACE TABLE ${tablePath(f, spec.edges)} AS\n` +
          `SELECT DISTINCT k.record_id AS src, CONCAT(k.key_type, ':', k.key_value) AS dst, k.key_type\n` +
          `FROM ${keys} AS k\n` +
          `LEFT JOIN ${dropped} AS d ON k.key_type = d.key_type AND k.key_value = d.key_value\n` +
          `WHERE k.key_value IS NOT NULL AND d.key_type IS NULL\n` +
          `UNION ALL\n` +
          `SELECT DISTINCT record_id, record_id, CAST(NULL AS STRING) FROM ${keys}`,
      ),
    ],
  };
}
