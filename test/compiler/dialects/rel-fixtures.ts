/**
 * Hand-built Rel trees covering every Rel kind, shared by the golden SQL tests and the DuckDB
 * execution tests. They mimic what the planner produces for small pipelines.
 */
import type { SqlField } from '../../../src/sdk/schema.js';
import { ty } from '../../../src/compiler/ir/expr.js';
import type { Rel } from '../../../src/compiler/ir/rel.js';
import { col, lit, op, origin, scan, site } from './helpers.js';

const S = ty.string();
const SN = ty.string(true);
const F = ty.float64(true);
const I = ty.int64();
const TS = ty.timestamp();
const TAGS = { kind: 'ARRAY', nullable: false, element: ty.string() } as const;

export const ordersSchema: SqlField[] = [
  { name: 'id', type: S },
  { name: 'customer', type: SN },
  { name: 'amount', type: F },
  { name: 'tags', type: TAGS },
  { name: 'ts', type: TS },
];

export const orders = (): Rel => scan('orders', ordersSchema, 3);

/** filter + map fused: normalizes emails and computes cents, keeping positive amounts. */
export function normalized(input = orders()): Rel {
  return {
    k: 'project',
    input,
    where: op('gt', [col('amount', F), lit(0, F)], ty.bool(true), site(5, 12)),
    columns: [
      { name: 'id', expr: col('id', S) },
      { name: 'customer', expr: op('lower', [op('trim', [col('customer', SN)], SN)], SN, site(6, 40)) },
      { name: 'cents', expr: op('round_half_up', [op('mul', [col('amount', F), lit(100, F)], F)], F, site(6, 60)) },
      { name: 'tags', expr: col('tags', TAGS) },
      { name: 'ts', expr: col('ts', TS) },
    ],
    schema: [
      { name: 'id', type: S },
      { name: 'customer', type: SN },
      { name: 'cents', type: F },
      { name: 'tags', type: TAGS },
      { name: 'ts', type: TS },
    ],
    origin: origin('orders/normalize/map', 6),
  };
}

/** groupBy(customer).aggregate(...) over every aggregate kind. */
export function perCustomer(): Rel {
  const order = [{ expr: col('ts', TS), desc: false }, { expr: col('id', S), desc: false }];
  return {
    k: 'aggregate',
    input: normalized(),
    keys: [{ name: 'customer', expr: col('customer', SN) }],
    aggs: [
      { name: 'n', fn: 'count_star', site: site(10, 20) },
      { name: 'total', fn: 'sum', arg: col('cents', F), site: site(10, 40) },
      { name: 'big', fn: 'count_if', arg: op('ge', [col('cents', F), lit(1000, F)], ty.bool(true)), site: site(11, 20) },
      { name: 'first_id', fn: 'first', arg: col('id', S), order, site: site(12, 20) },
      { name: 'last_id', fn: 'last', arg: col('id', S), order, site: site(13, 20) },
      { name: 'ids', fn: 'array_agg', arg: col('id', S), order, site: site(14, 20) },
      { name: 'avg_cents', fn: 'avg', arg: col('cents', F), site: site(15, 20) },
    ],
    schema: [
      { name: 'customer', type: SN },
      { name: 'n', type: I },
      { name: 'total', type: F },
      { name: 'big', type: I },
      { name: 'first_id', type: S },
      { name: 'last_id', type: S },
      { name: 'ids', type: TAGS },
      { name: 'avg_cents', type: F },
    ],
    origin: origin('orders/per_customer', 9),
  };
}

/** dedupe (latest order per customer) plus window values; `_rn` is a QUALIFY helper. */
export function latestPerCustomer(): Rel {
  const input = normalized();
  return {
    k: 'window',
    input,
    partition: [col('customer', SN)],
    order: [{ expr: col('ts', TS), desc: true }, { expr: col('id', S), desc: false }],
    columns: [
      { name: '_rn', fn: 'row_number', site: site(20, 5) },
      { name: 'previous_cents', fn: 'lag', arg: col('cents', F), offset: 1, site: site(21, 5) },
      { name: 'running_cents', fn: 'running_sum', arg: col('cents', F), site: site(22, 5) },
      { name: 'first_seen', fn: 'partition_min', arg: col('ts', TS), site: site(23, 5) },
    ],
    qualify: op('eq', [col('_rn', I), lit(1, I)], ty.bool()),
    schema: [
      ...input.schema,
      { name: 'previous_cents', type: F },
      { name: 'running_cents', type: F },
      { name: 'first_seen', type: TS },
    ],
    origin: origin('orders/latest/dedupe', 19),
  };
}

/** A node read twice (both sides of a self join) must become one CTE. */
export function repeatCustomers(): Rel {
  const shared = normalized();
  return {
    k: 'join',
    left: shared,
    right: shared,
    joinType: 'left',
    on: op(
      'and',
      [
        op('not_distinct', [col('customer', SN, 'left'), col('customer', SN, 'right')], ty.bool()),
        op('lt', [col('ts', TS, 'left'), col('ts', TS, 'right')], ty.bool()),
      ],
      ty.bool(),
    ),
    columns: [
      { name: 'id', expr: col('id', S, 'left') },
      { name: 'next_id', expr: col('id', SN, 'right') },
      { name: 'label', expr: op('concat', [lit("it's \\ \"new\"\n", S), col('id', S, 'left')], S) },
    ],
    schema: [
      { name: 'id', type: S },
      { name: 'next_id', type: SN },
      { name: 'label', type: S },
    ],
    origin: origin('orders/repeat/join', 30),
  };
}

const idOnly: SqlField[] = [{ name: 'customer', type: SN }];

/** union of two projections, then distinct. */
export function allCustomers(): Rel {
  const fromOrders: Rel = {
    k: 'project',
    input: orders(),
    columns: [{ name: 'customer', expr: col('customer', SN) }],
    schema: idOnly,
    origin: origin('customers/from_orders/map', 40),
  };
  const fromModel: Rel = { k: 'scan', table: { kind: 'model', name: 'select' }, schema: idOnly, origin: origin('customers/read_select', 41) };
  const union: Rel = { k: 'union', inputs: [fromOrders, fromModel], schema: idOnly, origin: origin('customers/union', 42) };
  return { k: 'distinct', input: union, schema: idOnly, origin: origin('customers/distinct', 43) };
}

/** flatMap over tags with their offsets. */
export function orderTags(): Rel {
  return {
    k: 'unnest',
    input: orders(),
    array: col('tags', TAGS),
    columns: [
      { name: 'id', expr: col('id', S) },
      { name: 'tag', expr: op('upper', [{ k: 'elem', type: S }], S) },
      { name: 'position', expr: { k: 'elem_offset', type: I } },
    ],
    where: op('neq', [{ k: 'elem', type: S }, lit('', S)], ty.bool()),
    schema: [
      { name: 'id', type: S },
      { name: 'tag', type: S },
      { name: 'position', type: I },
    ],
    origin: origin('orders/tags/flat_map', 50),
  };
}

export const fixtures: Record<string, () => Rel> = {
  per_customer: perCustomer,
  latest_per_customer: latestPerCustomer,
  repeat_customers: repeatCustomers,
  all_customers: allCustomers,
  order_tags: orderTags,
};
