import { expect } from 'chai';
import { schemaFields, t } from '../../../src/sdk/schema.js';
import { Catalog } from '../../../src/validate/zetasql/catalog.js';
import { analyzeScript } from '../../../src/validate/zetasql/script.js';
import { getSharedZetaSql } from '../../../src/validate/zetasql/shared.js';

const edges = { path: ['proj', 'identity', 'edges'], columns: schemaFields({ a: t.string(), b: t.string() }) };
const catalog = Catalog.of([edges]);

/** Connected components by label propagation: the shape of script Sluice's identity step emits. */
const components = `DECLARE changed INT64 DEFAULT 1;
DECLARE rounds INT64 DEFAULT 0;
DECLARE max_rounds INT64;
SET max_rounds = 50;
CREATE TEMP TABLE labels AS
  SELECT node, node AS label FROM (
    SELECT a AS node FROM \`proj.identity.edges\` UNION DISTINCT SELECT b FROM \`proj.identity.edges\`);
LOOP
  SET rounds = rounds + 1;
  IF rounds > max_rounds THEN
    RAISE USING MESSAGE = FORMAT('no convergence after %d rounds', rounds);
  END IF;
  CREATE TEMP TABLE next_labels AS
    SELECT l.node, LEAST(l.label, IFNULL(MIN(n.label), l.label)) AS label
    FROM labels l
    LEFT JOIN \`proj.identity.edges\` e ON e.a = l.node
    LEFT JOIN labels n ON n.node = e.b
    GROUP BY l.node, l.label;
  SET changed = (SELECT COUNT(*) FROM next_labels x JOIN labels y USING (node) WHERE x.label != y.label);
  DROP TABLE labels;
  CREATE TEMP TABLE labels AS SELECT * FROM next_labels;
  DROP TABLE next_labels;
  IF changed = 0 THEN
    BREAK;
  END IF;
END LOOP;
BEGIN
  DECLARE total INT64 DEFAULT (SELECT COUNT(DISTINCT label) FROM labels);
  WHILE total > 0 DO
    SET total = total - 1;
    IF total = 1 THEN LEAVE; END IF;
  END WHILE;
EXCEPTION WHEN ERROR THEN
  SELECT @@error.message AS message;
END;
FOR row IN (SELECT node, label FROM labels) DO
  SELECT row.node, UPPER(row.label) AS l;
END FOR;
CREATE OR REPLACE TABLE \`proj.identity.components\` CLUSTER BY label AS SELECT * FROM labels;`;

describe('zetasql analyzeScript', () => {
  it('accepts a LOOP over temp tables with variables, IF, WHILE, FOR and exception handlers', async () => {
    const zeta = await getSharedZetaSql();
    const result = await analyzeScript(zeta, components, catalog);
    expect(result).to.deep.equal({ ok: true, statements: 26 });
    expect(catalog.hasTable(['labels']), 'temp tables stay out of the caller’s catalog').to.equal(false);
  });

  it('reports an unknown column in a temp table at its script position', async () => {
    const zeta = await getSharedZetaSql();
    const broken = components.replace('SELECT l.node, LEAST', 'SELECT l.nod, LEAST');
    expect(await analyzeScript(zeta, broken, catalog)).to.deep.equal({
      ok: false,
      message: 'Name nod not found inside l',
      line: 14,
      column: 14,
    });
  });

  it('knows the column types of temp tables', async () => {
    const zeta = await getSharedZetaSql();
    const script = 'CREATE TEMP TABLE t AS SELECT 1 AS n, "x" AS s;\nSELECT n + 1, CONCAT(s, "y"), s + 1 FROM t;';
    const result = await analyzeScript(zeta, script, catalog);
    expect(result).to.deep.include({ ok: false, line: 2, column: 31 });
    expect(result.ok || result.message).to.match(/^No matching signature for operator \+/);
  });

  it('checks SET targets, SET values, loop conditions and declared types', async () => {
    const zeta = await getSharedZetaSql();
    const undeclared = await analyzeScript(zeta, 'DECLARE x INT64;\nSET y = 1;', catalog);
    expect(undeclared).to.deep.equal({ ok: false, message: 'Undeclared variable: y', line: 2, column: 5 });
    const badValue = await analyzeScript(zeta, 'DECLARE x INT64;\nSET x = nope + 1;', catalog);
    expect(badValue).to.deep.equal({ ok: false, message: 'Unrecognized name: nope', line: 2, column: 9 });
    const badCondition = await analyzeScript(zeta, 'DECLARE x INT64;\nWHILE x < y DO\n  SET x = x + 1;\nEND WHILE;', catalog);
    expect(badCondition).to.deep.equal({ ok: false, message: 'Unrecognized name: y', line: 2, column: 11 });
    const badType = await analyzeScript(zeta, 'DECLARE x INTT64;', catalog);
    expect(badType).to.deep.include({ ok: false, line: 1, column: 11 });
    expect(badType.ok || badType.message).to.match(/INTT64/);
  });

  it('scopes variables declared in a block to that block', async () => {
    const zeta = await getSharedZetaSql();
    const result = await analyzeScript(zeta, 'BEGIN\n  DECLARE inner_v INT64 DEFAULT 1;\nEND;\nSELECT inner_v;', catalog);
    expect(result).to.deep.include({ ok: false, message: 'Unrecognized name: inner_v', line: 4, column: 8 });
  });

  it('reports syntax errors of the whole script', async () => {
    const zeta = await getSharedZetaSql();
    const result = await analyzeScript(zeta, 'DECLARE x INT64;\nIF x THEN\n  SELECT FROM t;\nEND IF;', catalog);
    expect(result).to.deep.equal({ ok: false, message: 'Syntax error: SELECT list must not be empty', line: 3, column: 10 });
  });
});
