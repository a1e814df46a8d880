/**
 * The model recipes of the synthetic compile benchmark, each written twice side by side:
 * as a Sluice transform chain (TypeScript, as a user writes it) and as the equivalent
 * Dataform SELECT. Keeping both renderings in one place is what makes the two projects
 * "the same models".
 *
 * Row shapes: `raw` (a source table), `fact` (one row per order, cleaned) and `summary`
 * (one row per customer). Every recipe maps its input shapes to one output shape, so any
 * chain of recipes type-checks. Lambdas stay inside the translator's supported subset:
 * literals, arithmetic, comparisons, `??`, `?.`, string methods, Math.round / Math.abs.
 */

export type Shape = 'raw' | 'fact' | 'summary';

export type RecipeName = 'stage' | 'cleanse' | 'relabel' | 'screen' | 'rollup' | 'summaryScreen' | 'combine' | 'enrich';

/** Per-model constants, so no two generated models are textually identical. */
export interface RecipeParams {
  /** A small positive integer used in thresholds and arithmetic. */
  readonly k: number;
  /** A two-letter country code literal. */
  readonly country: string;
}

export interface Recipe {
  readonly name: RecipeName;
  readonly inputs: readonly Shape[];
  readonly output: Shape;
  /** TypeScript statements (two-space indented) that assign the result to `const out`. */
  sluice(inputs: readonly string[], p: RecipeParams): string;
  /** A BigQuery SELECT reading `inputs` (already `${ref("...")}` expressions). */
  sql(inputs: readonly string[], p: RecipeParams): string;
}

/** Columns of every `raw` source table, as Sluice schema builders. */
export const rawSchema: ReadonlyArray<readonly [name: string, builder: string]> = [
  ['id', 't.string()'],
  ['customer_id', 't.string()'],
  ['email', 't.string().nullable()'],
  ['first_name', 't.string().nullable()'],
  ['last_name', 't.string().nullable()'],
  ['country_code', 't.string().nullable()'],
  ['amount', 't.float64().nullable()'],
  ['quantity', 't.int64()'],
  ['status', 't.string()'],
  ['created_at', 't.timestamp()'],
];

const stage: Recipe = {
  name: 'stage',
  inputs: ['raw'],
  output: 'fact',
  sluice: ([raw], p) => `  const out = ${raw}
    .filter((r) => r.status !== 'deleted' && r.quantity > ${p.k % 3})
    .map((r) => ({
      id: r.id,
      customer_id: r.customer_id.trim(),
      email: r.email?.trim().toLowerCase() ?? null,
      name: r.last_name?.trim() ?? r.first_name ?? null,
      country: r.country_code?.trim().toUpperCase() ?? null,
      amount_cents: Math.round((r.amount ?? 0) * 100),
      quantity: r.quantity,
      status: r.status.toLowerCase(),
      created_at: r.created_at,
    }));`,
  sql: ([raw], p) => `SELECT
  id,
  TRIM(customer_id) AS customer_id,
  LOWER(TRIM(email)) AS email,
  COALESCE(TRIM(last_name), first_name) AS name,
  UPPER(TRIM(country_code)) AS country,
  CAST(ROUND(COALESCE(amount, 0) * 100) AS INT64) AS amount_cents,
  quantity,
  LOWER(status) AS status,
  created_at
FROM ${raw}
WHERE status != 'deleted' AND quantity > ${p.k % 3}`,
};

const cleanse: Recipe = {
  name: 'cleanse',
  inputs: ['fact'],
  output: 'fact',
  sluice: ([fact], p) => `  const out = ${fact}
    .filter((r) => r.amount_cents >= ${p.k * 10} && r.email !== null)
    .map((r) => ({
      id: r.id,
      customer_id: r.customer_id,
      email: r.email?.toLowerCase() ?? null,
      name: r.name?.trim() ?? null,
      country: r.country ?? '${p.country}',
      amount_cents: Math.abs(r.amount_cents) + r.quantity * ${p.k},
      quantity: r.quantity + 1,
      status: r.status.trim(),
      created_at: r.created_at,
    }));`,
  sql: ([fact], p) => `SELECT
  id,
  customer_id,
  LOWER(email) AS email,
  TRIM(name) AS name,
  COALESCE(country, '${p.country}') AS country,
  ABS(amount_cents) + quantity * ${p.k} AS amount_cents,
  quantity + 1 AS quantity,
  TRIM(status) AS status,
  created_at
FROM ${fact}
WHERE amount_cents >= ${p.k * 10} AND email IS NOT NULL`,
};

const relabel: Recipe = {
  name: 'relabel',
  inputs: ['fact'],
  output: 'fact',
  sluice: ([fact], p) => `  const out = ${fact}.map((r) => ({
    id: r.id,
    customer_id: r.customer_id.toUpperCase(),
    email: r.email?.trim() ?? null,
    name: (r.name ?? 'unknown') + ' <' + (r.email ?? 'no email') + '>',
    country: r.country?.toLowerCase() ?? null,
    amount_cents: r.amount_cents * 2 - ${p.k},
    quantity: Math.round(r.quantity / ${p.k + 1}),
    status: 'v${p.k}-' + r.status,
    created_at: r.created_at,
  }));`,
  sql: ([fact], p) => `SELECT
  id,
  UPPER(customer_id) AS customer_id,
  TRIM(email) AS email,
  CONCAT(COALESCE(name, 'unknown'), ' <', COALESCE(email, 'no email'), '>') AS name,
  LOWER(country) AS country,
  amount_cents * 2 - ${p.k} AS amount_cents,
  CAST(ROUND(quantity / ${p.k + 1}) AS INT64) AS quantity,
  CONCAT('v${p.k}-', status) AS status,
  created_at
FROM ${fact}`,
};

const screen: Recipe = {
  name: 'screen',
  inputs: ['fact'],
  output: 'fact',
  sluice: ([fact], p) => `  const out = ${fact}
    .filter((r) => r.status !== 'cancelled' && !r.status.startsWith('test'))
    .filter((r) => (r.country ?? '') === '${p.country}' || r.amount_cents > ${p.k * 500});`,
  sql: ([fact], p) => `SELECT *
FROM ${fact}
WHERE status != 'cancelled'
  AND NOT STARTS_WITH(status, 'test')
  AND (COALESCE(country, '') = '${p.country}' OR amount_cents > ${p.k * 500})`,
};

const rollup: Recipe = {
  name: 'rollup',
  inputs: ['fact'],
  output: 'summary',
  sluice: ([fact], p) => `  const out = ${fact}
    .filter((r) => r.quantity > 0)
    .groupBy((r) => ({ customer_id: r.customer_id }))
    .aggregate((g) => ({
      orders: g.count(),
      total_cents: g.sum((r) => r.amount_cents),
      max_quantity: g.max((r) => r.quantity),
      first_seen: g.min((r) => r.created_at),
      large_orders: g.countIf((r) => r.amount_cents > ${p.k * 1000}),
    }));`,
  sql: ([fact], p) => `SELECT
  customer_id,
  COUNT(*) AS orders,
  SUM(amount_cents) AS total_cents,
  MAX(quantity) AS max_quantity,
  MIN(created_at) AS first_seen,
  COUNTIF(amount_cents > ${p.k * 1000}) AS large_orders
FROM ${fact}
WHERE quantity > 0
GROUP BY customer_id`,
};

const summaryScreen: Recipe = {
  name: 'summaryScreen',
  inputs: ['summary'],
  output: 'summary',
  sluice: ([summary], p) => `  const out = ${summary}
    .filter((s) => s.orders >= ${p.k} && s.total_cents > 0)
    .map((s) => ({
      customer_id: s.customer_id.toLowerCase(),
      orders: s.orders,
      total_cents: s.total_cents,
      max_quantity: s.max_quantity,
      first_seen: s.first_seen,
      large_orders: s.large_orders + ${p.k},
    }));`,
  sql: ([summary], p) => `SELECT
  LOWER(customer_id) AS customer_id,
  orders,
  total_cents,
  max_quantity,
  first_seen,
  large_orders + ${p.k} AS large_orders
FROM ${summary}
WHERE orders >= ${p.k} AND total_cents > 0`,
};

const combine: Recipe = {
  name: 'combine',
  inputs: ['fact', 'fact'],
  output: 'fact',
  sluice: ([left, right], p) => `  const out = ${left}
    .join(${right}, {
      type: 'left',
      on: (l, r) => l.id === r.id,
      select: (l, r) => ({
        id: l.id,
        customer_id: l.customer_id,
        email: l.email ?? r.email,
        name: l.name ?? r.name,
        country: l.country ?? r.country,
        amount_cents: l.amount_cents + (r.amount_cents ?? 0),
        quantity: l.quantity,
        status: l.status,
        created_at: l.created_at,
      }),
    })
    .filter((r) => r.amount_cents > ${p.k});`,
  sql: ([left, right], p) => `SELECT * FROM (
  SELECT
    l.id,
    l.customer_id,
    COALESCE(l.email, r.email) AS email,
    COALESCE(l.name, r.name) AS name,
    COALESCE(l.country, r.country) AS country,
    l.amount_cents + COALESCE(r.amount_cents, 0) AS amount_cents,
    l.quantity,
    l.status,
    l.created_at
  FROM ${left} AS l
  LEFT JOIN ${right} AS r ON l.id = r.id
)
WHERE amount_cents > ${p.k}`,
};

const enrich: Recipe = {
  name: 'enrich',
  inputs: ['fact', 'summary'],
  output: 'fact',
  sluice: ([fact, summary], p) => `  const out = ${fact}.join(${summary}, {
    type: 'left',
    on: (l, s) => l.customer_id === s.customer_id,
    select: (l, s) => ({
      id: l.id,
      customer_id: l.customer_id,
      email: l.email,
      name: l.name,
      country: l.country,
      amount_cents: l.amount_cents - (s.large_orders ?? 0) * ${p.k},
      quantity: l.quantity + (s.orders ?? 0),
      status: l.status,
      created_at: l.created_at,
    }),
  });`,
  sql: ([fact, summary], p) => `SELECT
  l.id,
  l.customer_id,
  l.email,
  l.name,
  l.country,
  l.amount_cents - COALESCE(s.large_orders, 0) * ${p.k} AS amount_cents,
  l.quantity + COALESCE(s.orders, 0) AS quantity,
  l.status,
  l.created_at
FROM ${fact} AS l
LEFT JOIN ${summary} AS s ON l.customer_id = s.customer_id`,
};

/** Every recipe by name. */
export const recipes: Readonly<Record<RecipeName, Recipe>> = { stage, cleanse, relabel, screen, rollup, summaryScreen, combine, enrich };
