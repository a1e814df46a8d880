/**
 * Connected components of an edge table as a SQL program: representative hooking with
 * pointer jumping over a contracted graph.
 *
 * 1. Label every node with a 64-bit hash of its value (pseudo-random order, no sort); assert
 *    that no two distinct nodes share a label.
 * 2. Keep the edges between labels as (a < b) pairs.
 * 3. Each round: every label with a smaller neighbour hooks to its smallest neighbour
 *    (H(b) = min a); H := H∘H until a step moves nothing (pointer jumping); record H in a
 *    parent forest; contract the edges through H, dropping those that now join a label to
 *    itself. Labels that lost all edges are finished and never touched again.
 * 4. Stop when no edge joins two labels; fail loudly after `maxRounds`.
 * 5. Compress the parent forest (its depth is at most the number of rounds) and publish
 *    (node, component), where component is the smallest original node value of the
 *    component: deterministic and the same on every engine.
 *
 * With labels in random order, every round removes all labels except local minima, so a
 * chain of n nodes needs O(log n) rounds; pointer jumping needs O(log depth) steps.
 */
import { assert, exec, loop, type Program, type Quoting, type Step } from '../ir/program.js';
import { tablePath } from './quoting.js';
import type { ComponentsDialect } from './components-dialect.js';

export interface ComponentsSpec {
  /** The input edge table path (e.g. `['proj', 'ds', 'edges']` or `['edges']`). */
  readonly edges: readonly string[];
  /** Column names of the two ends of an edge; any comparable type (INT64 or STRING). */
  readonly srcColumn?: string;
  readonly dstColumn?: string;
  /** The output table path; it gets columns `node` and `component`. */
  readonly output: readonly string[];
  /** Create the output as a temporary table (kept for the session/script only). */
  readonly outputTemporary?: boolean;
  /** Prefix of the working temp tables; letters, digits and `_`. Default `cc`. */
  readonly prefix?: string;
  /** Rounds before failing. Default 64 (a 10^9-node chain needs about 30). */
  readonly maxRounds?: number;
  /** Pointer-jumping steps per round before failing. Default 64. */
  readonly maxJumps?: number;
  /** Quoting; defaults to the dialect's own. */
  readonly quoting?: Quoting;
}

/** Builds the connected-components program for a dialect. NULL ends of edges are ignored. */
export function componentsProgram(dialect: ComponentsDialect, spec: ComponentsSpec): Program {
  const q = spec.quoting ?? dialect.quoting;
  const prefix = spec.prefix ?? 'cc';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(prefix)) throw new Error(`temp table prefix ${JSON.stringify(prefix)} must be letters, digits and _`);
  const tmp = (name: string) => q.ident(`${prefix}_${name}`);
  const [nodes, edges, hook, parent] = [tmp('nodes'), tmp('edges'), tmp('hook'), tmp('parent')];
  const input = tablePath(q, spec.edges);
  const src = q.ident(spec.srcColumn ?? 'src');
  const dst = q.ident(spec.dstColumn ?? 'dst');
  const maxJumps = spec.maxJumps ?? 64;
  const temp = (name: string, select: string) => exec(`CREATE OR REPLACE TEMP TABLE ${name} AS\n${select}`);
  // Pointer jumping as a do-while: each step records whether it moved any pointer, and the
  // loop ends after a step that moved none (a cheap scan instead of a second join).
  const jumping = (name: string, table: string): Step =>
    loop(name, `EXISTS (SELECT 1 FROM ${table} WHERE moved)`, maxJumps, [
      temp(table, `SELECT h.x, COALESCE(g.p, h.p) AS p, g.x IS NOT NULL AS moved\nFROM ${table} AS h LEFT JOIN ${table} AS g ON h.p = g.x`),
    ]);

  return {
    steps: [
      temp(
        nodes,
        `SELECT node, ${dialect.hash('node')} AS id\n` +
          `FROM (SELECT ${src} AS node FROM ${input} UNION DISTINCT SELECT ${dst} FROM ${input}) AS n\n` +
          `WHERE node IS NOT NULL`,
      ),
      assert(
        `(SELECT COUNT(DISTINCT id) = COUNT(*) FROM ${nodes})`,
        'connected components: two distinct nodes hash to the same label; rename one node or change its type',
      ),
      temp(
        edges,
        `SELECT DISTINCT LEAST(s, d) AS a, GREATEST(s, d) AS b\n` +
          `FROM (SELECT ${dialect.hash(src)} AS s, ${dialect.hash(dst)} AS d FROM ${input}\n` +
          `      WHERE ${src} IS NOT NULL AND ${dst} IS NOT NULL) AS e\n` +
          `WHERE s <> d`,
      ),
      exec(`CREATE OR REPLACE TEMP TABLE ${parent} (x ${dialect.int64}, p ${dialect.int64}, moved BOOL)`),
      loop('rounds', `EXISTS (SELECT 1 FROM ${edges})`, spec.maxRounds ?? 64, [
        temp(hook, `SELECT b AS x, MIN(a) AS p, TRUE AS moved FROM ${edges} GROUP BY b`),
        jumping('jumps', hook),
        exec(`INSERT INTO ${parent} (x, p, moved) SELECT x, p, TRUE FROM ${hook}`),
        temp(
          edges,
          `SELECT DISTINCT LEAST(pa, pb) AS a, GREATEST(pa, pb) AS b\n` +
            `FROM (SELECT COALESCE(ha.p, e.a) AS pa, COALESCE(hb.p, e.b) AS pb\n` +
            `      FROM ${edges} AS e\n      LEFT JOIN ${hook} AS ha ON e.a = ha.x\n      LEFT JOIN ${hook} AS hb ON e.b = hb.x) AS c\n` +
            `WHERE pa <> pb`,
        ),
      ]),
      jumping('flatten', parent),
      exec(
        `CREATE OR REPLACE ${spec.outputTemporary ? 'TEMP ' : ''}TABLE ${tablePath(q, spec.output)} AS\n` +
          `WITH r AS (SELECT n.node, COALESCE(f.p, n.id) AS root FROM ${nodes} AS n LEFT JOIN ${parent} AS f ON n.id = f.x),\n` +
          `     m AS (SELECT root, MIN(node) AS component FROM r GROUP BY root)\n` +
          `SELECT r.node, m.component FROM r JOIN m ON r.root = m.root`,
      ),
      ...[nodes, edges, hook, parent].map((t) => exec(`DROP TABLE IF EXISTS ${t}`)),
    ],
  };
}
