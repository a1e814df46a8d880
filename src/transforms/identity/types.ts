/** Row types of the identity transform: what it reads and what it writes. */

/** A match key of a record: type, normalized value (null: no key) and the rule that made it. */
export type MatchKey = {
  key_type: string;
  key_value: string | null;
  rule: string;
};

/**
 * One source row as the identity transform reads it. Several rows may share a record id
 * (e.g. versions of a CRM contact): their keys are pooled and the earliest `seen_at` counts.
 */
export type IdentityInput = {
  /** Source name, e.g. `crm_contacts`. */
  source: string;
  /** Natural id of the record within its source. */
  record_id: string;
  /** A data timestamp (creation, order, event time): the earliest record anchors a customer. */
  seen_at: Date;
  keys: MatchKey[];
};

/** A distinct key value with its degree, offered to the key judge to keep or drop. */
export type KeyCandidate = {
  key_type: string;
  key_value: string;
  /** Distinct records carrying the key. */
  degree: number;
};

/**
 * A key of a record next to another key of the same record (or none: `other_type` null),
 * the evidence the judge's co-occurrence rules count, e.g. distinct emails seen with a device.
 */
export type KeyCompanion = {
  source: string;
  record_id: string;
  key_type: string;
  key_value: string;
  other_type: string | null;
  other_value: string | null;
};

/** A key with the judge's verdict: `drop_reason` null keeps it. */
export type JudgedKey = KeyCandidate & {
  drop_reason: string | null;
};

/** A record ↔ key edge of the identity graph. */
export type IdentityEdge = {
  source: string;
  record_id: string;
  key_type: string;
  key_value: string;
  rule: string;
};

/** A record of the graph with its data timestamp. */
export type IdentityNode = {
  source: string;
  record_id: string;
  seen_at: Date;
};

/** The customer registry: every customer id ever minted, with its anchor and status. */
export type RegistryRow = {
  customer_id: string;
  anchor_source: string;
  anchor_record_id: string;
  first_seen_at: Date;
  status: string;
  merged_into: string | null;
  merged_at: Date | null;
  merge_reason: string | null;
};

/** A key type present in the graph, offered to the pipeline's limit rules. */
export type KeyTypeRow = {
  key_type: string;
};

/**
 * How many keys of a type one customer may hold, and which keys give way when a customer
 * breaks a limit: the conflicting keys of lower priority than the limited type are dropped.
 */
export type KeyTypeRule = {
  key_type: string;
  /** At most this many distinct keys of the type per customer; null: no limit. */
  max_keys: number | null;
  /** Higher outranks lower. */
  priority: number;
};
