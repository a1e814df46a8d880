/**
 * Structural invariants every Rel tree must keep after any pass: schemas match the SELECT
 * lists, and every column reference resolves to a column its input provides.
 */
import { walkExpr, type Expr } from '../../../../src/compiler/ir/expr.js';
import { relInputs, type Rel } from '../../../../src/compiler/ir/rel.js';

function refs(exprs: readonly (Expr | undefined)[]): { rel: string | undefined; name: string }[] {
  const out: { rel: string | undefined; name: string }[] = [];
  for (const e of exprs) if (e) walkExpr(e, (x) => x.k === 'col' && out.push({ rel: x.rel, name: x.name }));
  return out;
}

/** Throws an Error naming the first broken invariant. */
export function assertWellFormed(root: Rel): void {
  const seen = new Set<Rel>();
  const visit = (rel: Rel, path: string) => {
    if (seen.has(rel)) return;
    seen.add(rel);
    const here = `${path}/${rel.k}(${rel.origin.name})`;
    const fail = (why: string) => {
      throw new Error(`${here}: ${why}`);
    };
    const names = rel.schema.map((f) => f.name);
    if (new Set(names).size !== names.length) fail(`duplicate columns ${names}`);
    if (names.length === 0) fail('no columns');
    const has = (r: Rel, n: string) => r.schema.some((f) => f.name === n);
    const expectNames = (got: string[]) => JSON.stringify(got) === JSON.stringify(names) || fail(`schema ${names} but columns ${got}`);
    switch (rel.k) {
      case 'project':
      case 'unnest':
        expectNames(rel.columns.map((c) => c.name));
        for (const r of refs([...rel.columns.map((c) => c.expr), rel.where, ...(rel.k === 'unnest' ? [rel.array] : [])])) {
          if (r.rel !== undefined || !has(rel.input, r.name)) fail(`reads missing column ${r.name}`);
        }
        break;
      case 'aggregate':
        expectNames([...rel.keys.map((k) => k.name), ...rel.aggs.map((a) => a.name)]);
        for (const r of refs([...rel.keys.map((k) => k.expr), ...rel.aggs.flatMap((a) => [a.arg, ...(a.order ?? []).map((o) => o.expr)]), rel.where])) {
          if (!has(rel.input, r.name)) fail(`reads missing column ${r.name}`);
        }
        break;
      case 'join':
        expectNames(rel.columns.map((c) => c.name));
        for (const r of refs([...rel.columns.map((c) => c.expr), rel.on])) {
          const side = r.rel === 'left' ? rel.left : r.rel === 'right' ? rel.right : undefined;
          if (!side || !has(side, r.name)) fail(`reads missing column ${r.rel}.${r.name}`);
        }
        break;
      case 'union':
        for (const input of rel.inputs) expectNames(input.schema.map((f) => f.name));
        break;
      case 'distinct':
        expectNames(rel.input.schema.map((f) => f.name));
        break;
      case 'window': {
        const calls = new Set(rel.columns.map((c) => c.name));
        for (const n of names) if (!calls.has(n) && !has(rel.input, n)) fail(`outputs unknown column ${n}`);
        for (const r of refs([...rel.partition, ...rel.order.map((o) => o.expr), ...rel.columns.map((c) => c.arg), rel.where])) {
          if (!has(rel.input, r.name)) fail(`reads missing column ${r.name}`);
        }
        for (const r of refs([rel.qualify])) if (!calls.has(r.name) && !has(rel.input, r.name)) fail(`qualify reads missing ${r.name}`);
        break;
      }
      case 'scan':
        break;
    }
    relInputs(rel).forEach((input) => visit(input, here));
  };
  visit(root, '');
}
