/**
 * The shape of `environments/<name>.yaml`, as a zod schema. Parsing turns human-friendly
 * values (byte sizes such as `50GiB`) into numbers; every object is strict so a misspelled
 * key is an error rather than a silently ignored setting.
 */
import { z } from 'zod';

const envName = /^[a-z][a-z0-9_-]*$/;
/** GCP project ids: 6–30 chars, lowercase letters, digits and hyphens, starting with a letter. */
const gcpProject = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
/** BigQuery dataset ids: letters, digits and underscores. */
const dataset = /^[A-Za-z0-9_]{1,1024}$/;
const gcsBucket = /^gs:\/\/[a-z0-9][a-z0-9._-]{1,220}[a-z0-9](\/[^\s]*)?$/;
const byteSize = /^(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/;

const units: Record<string, number> = {
  B: 1,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  KiB: 2 ** 10,
  MiB: 2 ** 20,
  GiB: 2 ** 30,
  TiB: 2 ** 40,
};

/** A byte count: a plain number or a string such as `500MB` / `50GiB`. */
const bytes = z.union([
  z.number().int().nonnegative(),
  z
    .string()
    .regex(byteSize, 'a byte size such as 500MB or 50GiB')
    .transform((s) => {
      const [, n, unit] = byteSize.exec(s)!;
      return Math.round(Number(n) * units[unit!]!);
    }),
], { error: 'a byte count (number) or a size such as 500MB or 50GiB' });

const duckdbWarehouse = z.strictObject({
  type: z.literal('duckdb'),
  /** Database file, relative to the project root. */
  path: z.string({ error: 'a file path such as .sluice/local.duckdb' }).min(1),
  /** Folder holding `<source>.csv|.parquet|.ndjson|.jsonl`, relative to the project root. */
  sourcesDir: z.string({ error: 'a folder path such as .sluice/data' }).min(1),
});

const bigqueryWarehouse = z.strictObject({
  type: z.literal('bigquery'),
  project: z.string().regex(gcpProject, 'a GCP project id (6-30 lowercase letters, digits or hyphens, starting with a letter)'),
  location: z.string({ error: 'a BigQuery location such as EU, US or europe-west4' }).min(1),
  datasets: z.strictObject({
    /** Dataset holding the raw source tables. */
    sources: z.string().regex(dataset, 'a dataset id (letters, digits, underscores)'),
    /** Dataset holding the models (views over physical versions). */
    models: z.string().regex(dataset, 'a dataset id (letters, digits, underscores)'),
  }),
});

const warehouse = z.discriminatedUnion('type', [duckdbWarehouse, bigqueryWarehouse], {
  error: "type 'duckdb' or 'bigquery'",
});

const artifacts = z.strictObject({
  /** Where compiled artifacts are published, e.g. `gs://acme-sluice-artifacts`. */
  bucket: z.string().regex(gcsBucket, 'a GCS location such as gs://my-bucket or gs://my-bucket/prefix'),
});

const gates = z.strictObject({
  /** Run the project's pipeline unit tests. */
  unitTests: z.boolean().default(true),
  /** Analyze every BigQuery statement with ZetaSQL. */
  zetasql: z.boolean().default(true),
  /** BigQuery dry run; fails when a statement would scan more than the budget. */
  dryRun: z.strictObject({ maxBytesScanned: bytes }).optional(),
  /** Which expectation severity blocks promotion. */
  expectations: z.strictObject({ failOn: z.enum(['error', 'warn']).default('error') }).default({ failOn: 'error' }),
  /** Maximum change of a model's row count versus its previous version, in percent. */
  rowCountDrift: z.strictObject({ maxPercent: z.number().positive() }).optional(),
});

const approvals = z.strictObject({
  /** Number of distinct approvers needed before this environment's views move. */
  required: z.number().int().min(0),
  /** Who may approve: `user:alice@example.com` or `group:data-release@example.com`. */
  approvers: z
    .array(z.string().regex(/^(user|group):\S+@\S+$/, 'user:<email> or group:<email>'))
    .default([]),
});

export const environmentSchema = z
  .strictObject({
    name: z.string().regex(envName, 'a lowercase name (letters, digits, - and _), the same as the file name'),
    description: z.string().optional(),
    warehouse,
    artifacts: artifacts.optional(),
    /** The environment whose gates must have passed for an artifact before it may deploy here. */
    promotesFrom: z.string().regex(envName, 'the name of another environment').optional(),
    gates: gates.default({ unitTests: true, zetasql: true, expectations: { failOn: 'error' } }),
    approvals: approvals.default({ required: 0, approvers: [] }),
  })
  .superRefine((env, ctx) => {
    if (env.approvals.required > 0 && env.approvals.approvers.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['approvals', 'approvers'], message: 'at least one approver when approvals.required > 0' });
    }
  });

/** A validated environment, as written in its YAML file. */
export type Environment = z.output<typeof environmentSchema>;
export type DuckdbWarehouse = z.output<typeof duckdbWarehouse>;
export type BigqueryWarehouse = z.output<typeof bigqueryWarehouse>;
