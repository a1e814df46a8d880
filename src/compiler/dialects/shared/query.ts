/**
 * Rel tree → one formatted SELECT: every non-scan node becomes a CTE (in dependency order,
 * shared nodes once), the root becomes the final SELECT, each preceded by its step comment.
 */
import type { Rel } from '../../ir/rel.js';
import { relInputs } from '../../ir/rel.js';
import type { TableNames } from '../dialect.js';
import { cteBaseName, NameAllocator } from './cte-names.js';
import { renderBlock } from './select-block.js';
import type { DialectSpec } from './sql-spec.js';
import { stepComment } from './step-comment.js';

export interface QueryOptions {
  /** Call-site paths in comments are printed relative to this directory. */
  readonly relativeTo: string;
}

/** Non-scan nodes in dependency order (inputs first), each once even when read twice. */
function stepsInOrder(root: Rel): Rel[] {
  const seen = new Set<Rel>();
  const out: Rel[] = [];
  const visit = (rel: Rel): void => {
    if (seen.has(rel) || rel.k === 'scan') return;
    seen.add(rel);
    relInputs(rel).forEach(visit);
    out.push(rel);
  };
  visit(root);
  return out;
}

function scansOf(root: Rel): Rel[] {
  const out: Rel[] = [];
  const visit = (rel: Rel): void => {
    if (rel.k === 'scan') out.push(rel);
    relInputs(rel).forEach(visit);
  };
  visit(root);
  return out;
}

/** Renders the SELECT computing `root` (no trailing semicolon). */
export function renderQuery(spec: DialectSpec, root: Rel, names: TableNames, options: QueryOptions): string {
  const { syntax } = spec;
  const tablePath = (rel: Extract<Rel, { k: 'scan' }>): string => names.table(rel.table).map(syntax.quote).join('.');

  const allocator = new NameAllocator();
  // A CTE named like an unqualified table would shadow it.
  for (const scan of scansOf(root)) {
    if (scan.k === 'scan') allocator.reserve(names.table(scan.table).at(-1) ?? '');
  }
  const steps = stepsInOrder(root);
  const cteName = new Map<Rel, string>();
  for (const step of steps) {
    if (step !== root) cteName.set(step, syntax.ident(allocator.allocate(cteBaseName(step.origin.name))));
  }
  const env = {
    spec,
    source: (rel: Rel): string => (rel.k === 'scan' ? tablePath(rel) : cteName.get(rel)!),
  };

  const ctes = steps
    .filter((s) => s !== root)
    .map((step, i, all) => {
      const body = renderBlock(step, env).map((line) => `  ${line}`);
      const open = `${i === 0 ? 'WITH ' : ''}${cteName.get(step)} AS (`;
      return [stepComment(step.origin, options.relativeTo), open, ...body, `)${i < all.length - 1 ? ',' : ''}`].join('\n');
    });
  const final = [stepComment(root.origin, options.relativeTo), ...renderBlock(root, env)].join('\n');
  return [...ctes, final].join('\n\n');
}
