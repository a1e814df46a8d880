/**
 * The shape of a synthetic project: which sources exist and, for each model, its recipe and
 * its parents. Both the Sluice and the Dataform renderings are produced from one spec, so
 * they describe the same DAG.
 *
 * The DAG is layered like a real warehouse project: one staging model per source, then
 * models that read recent models (chains) or two of them (fan-ins), with per-customer
 * rollups feeding back into enrichments. Lineage depth is capped (see {@link maxDepth}), as
 * in real projects, so a larger project is wider, not deeper.
 */
import { seededRandom, type Random } from './random.js';
import { recipes, type RecipeName, type RecipeParams, type Shape } from './recipes.js';

/** A parent of a model: a source table or an earlier model. */
export interface InputRef {
  readonly kind: 'source' | 'model';
  readonly name: string;
}

export interface SyntheticModel {
  readonly name: string;
  readonly recipe: RecipeName;
  readonly inputs: readonly InputRef[];
  readonly params: RecipeParams;
  readonly materialize: 'view' | 'table';
  /** Length of the longest path from a source: 1 for staging models. */
  readonly depth: number;
}

export interface SyntheticProject {
  readonly size: number;
  readonly sources: readonly string[];
  /** In dependency order: every model's parents come before it. */
  readonly models: readonly SyntheticModel[];
}

/** Relative weights of the non-staging recipes (a mix of chains and fan-ins). */
const mix: ReadonlyArray<readonly [RecipeName, number]> = [
  ['cleanse', 20],
  ['relabel', 12],
  ['screen', 13],
  ['rollup', 15],
  ['summaryScreen', 10],
  ['combine', 15],
  ['enrich', 15],
];

/** Parents are drawn from the most recent models of a shape, which gives chains of depth. */
const recentWindow = 40;

/**
 * The deepest lineage a generated model may have. Large dbt / Dataform projects are
 * typically 5 to 20 models deep; without a cap, drawing parents from recent models would
 * make depth grow with size (about 130 at 1,000 models).
 */
export const maxDepth = 16;

const countries = ['NL', 'BE', 'DE', 'FR', 'GB', 'US', 'ES', 'IT'];

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** How many source tables a project of `size` models reads: one per ten models, at least two. */
export function sourceCount(size: number): number {
  return Math.max(2, Math.round(size / 10));
}

/** A deterministic synthetic project of exactly `size` models. */
export function syntheticProject(size: number, seed = 20240601): SyntheticProject {
  if (!Number.isInteger(size) || size < 2) throw new RangeError(`project size must be an integer >= 2, got ${size}`);
  const rng = seededRandom(seed ^ size);
  const width = String(size).length;
  const sources = Array.from({ length: Math.min(sourceCount(size), size) }, (_, i) => `raw_orders_${pad(i, width)}`);
  // Models that may still be read (depth below the cap), per output shape.
  const byShape: Record<Exclude<Shape, 'raw'>, string[]> = { fact: [], summary: [] };
  const depthOf = new Map<string, number>();
  const models: SyntheticModel[] = [];

  for (let i = 0; i < size; i++) {
    const recipe: RecipeName = i < sources.length ? 'stage' : chooseRecipe(rng, byShape.summary.length > 0);
    const inputs: InputRef[] =
      recipe === 'stage'
        ? [{ kind: 'source', name: sources[i]! }]
        : pickParents(rng, recipes[recipe].inputs, byShape);
    const name = `m${pad(i, width)}_${recipe.toLowerCase()}`;
    const depth = 1 + Math.max(0, ...inputs.map((input) => depthOf.get(input.name) ?? 0));
    depthOf.set(name, depth);
    models.push({
      name,
      recipe,
      inputs,
      params: { k: rng.int(1, 9), country: rng.pick(countries) },
      materialize: rng.next() < 0.2 ? 'table' : 'view',
      depth,
    });
    if (depth < maxDepth) byShape[recipes[recipe].output as 'fact' | 'summary'].push(name);
  }
  return { size, sources, models };
}

function chooseRecipe(rng: Random, haveSummary: boolean): RecipeName {
  const usable = mix.filter(([name]) => haveSummary || !recipes[name].inputs.includes('summary'));
  const total = usable.reduce((sum, [, w]) => sum + w, 0);
  let roll = rng.next() * total;
  for (const [name, weight] of usable) {
    roll -= weight;
    if (roll < 0) return name;
  }
  return usable[usable.length - 1]![0];
}

/**
 * The first parent is usually the most recent model of its shape (a chain); further parents
 * are drawn from the recent window (a fan-in), never the same model twice.
 */
function pickParents(rng: Random, shapes: readonly Shape[], byShape: Record<'fact' | 'summary', string[]>): InputRef[] {
  const chosen: string[] = [];
  for (const [position, shape] of shapes.entries()) {
    const pool = byShape[shape as 'fact' | 'summary'].filter((name) => !chosen.includes(name));
    if (pool.length === 0) throw new Error(`no ${shape} model left to read`);
    const from = Math.max(0, pool.length - recentWindow);
    chosen.push(position === 0 && rng.next() < 0.6 ? pool[pool.length - 1]! : pool[rng.int(from, pool.length - 1)]!);
  }
  return chosen.map((name) => ({ kind: 'model', name }));
}
