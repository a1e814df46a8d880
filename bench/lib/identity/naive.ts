/**
 * The baseline: naive min-label propagation in SQL (what dbt-id-stitching unrolls). Every
 * round, every node takes the smallest label among itself and its neighbours, over the whole
 * graph, until no label changes. Rounds grow with the graph's diameter.
 */
import { exec, loop, type Program } from '../../../src/compiler/ir/program.js';

/** Labels `node_ids`/`int_edges` into `naive_out (x, l)`; fails past `maxRounds`. */
export function naiveProgram(maxRounds: number): Program {
  return {
    steps: [
      exec('CREATE OR REPLACE TEMP TABLE nv_adj AS SELECT a AS x, b AS y FROM int_edges WHERE a <> b UNION ALL SELECT b, a FROM int_edges WHERE a <> b'),
      exec('CREATE OR REPLACE TEMP TABLE nv_label AS SELECT id AS x, id AS l FROM node_ids'),
      exec('CREATE OR REPLACE TEMP TABLE nv_changed AS SELECT 1 AS c'),
      loop('naive', 'EXISTS (SELECT 1 FROM nv_changed)', maxRounds, [
        exec(`CREATE OR REPLACE TEMP TABLE nv_next AS
          SELECT l.x, LEAST(l.l, COALESCE(m.l, l.l)) AS l
          FROM nv_label AS l LEFT JOIN (SELECT a.x, MIN(n.l) AS l FROM nv_adj AS a JOIN nv_label AS n ON a.y = n.x GROUP BY a.x) AS m ON l.x = m.x`),
        exec('CREATE OR REPLACE TEMP TABLE nv_changed AS SELECT 1 AS c FROM nv_next AS n JOIN nv_label AS l ON n.x = l.x WHERE n.l < l.l LIMIT 1'),
        exec('CREATE OR REPLACE TEMP TABLE nv_label AS SELECT * FROM nv_next'),
      ]),
      exec('CREATE OR REPLACE TABLE naive_out AS SELECT * FROM nv_label'),
      ...['nv_adj', 'nv_label', 'nv_changed', 'nv_next'].map((t) => exec(`DROP TABLE IF EXISTS ${t}`)),
    ],
  };
}
