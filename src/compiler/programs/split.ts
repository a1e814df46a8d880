/**
 * Splits a model's IR at its connected-components nodes. SQL cannot express the loop, so each
 * components node becomes a stage — materialize its edges into a temp table, run the loop
 * program — and is replaced by a scan of the stage's output temp table. What remains is one
 * ordinary query.
 */
import type { Rel } from '../ir/rel.js';
import { rewriteBottomUp } from '../plan/passes/dag.js';

export interface ComponentsStage {
  /** The edges query (already rewritten: earlier stages are temp-table scans). */
  readonly input: Rel;
  readonly maxRounds: number;
  /** Temp table holding the edges, and the one receiving (node, component). */
  readonly edgesTable: string;
  readonly outputTable: string;
  /** Prefix of the loop's working tables, unique per stage. */
  readonly prefix: string;
}

export interface SplitModel {
  readonly rel: Rel;
  /** In execution order (inner stages first). */
  readonly stages: readonly ComponentsStage[];
}

export function splitComponents(rel: Rel, model: string): SplitModel {
  const stages: ComponentsStage[] = [];
  const rewritten = rewriteBottomUp(rel, (node) => {
    if (node.k !== 'components') return node;
    const prefix = `${model}__cc${stages.length + 1}`;
    const stage: ComponentsStage = {
      input: node.input,
      maxRounds: node.maxRounds,
      edgesTable: `${prefix}_input`,
      outputTable: `${prefix}_output`,
      prefix,
    };
    stages.push(stage);
    return { k: 'scan', table: { kind: 'temp', name: stage.outputTable }, schema: node.schema, origin: node.origin };
  });
  return { rel: rewritten, stages };
}
