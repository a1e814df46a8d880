/** Running whole pipelines, or single nodes, in memory. */
import { SluiceError } from '../../sdk/errors.js';
import type { GraphNode, ModelSpec } from '../../sdk/graph.js';
import type { Model, Pipeline } from '../../sdk/pipeline.js';
import { buildOrder } from './dependencies.js';
import { createContext } from './evaluate.js';
import type { DirectInputs, Row, Scope } from './scope.js';

/** The outcome of {@link runDirect}. */
export interface DirectResult {
  /** Output rows of every model the pipelines write, by model name. Row order carries no meaning. */
  readonly models: Readonly<Record<string, Row[]>>;
  /** Model names in the order they were built (each after the models it reads). */
  readonly order: readonly string[];
}

/** All models written by `pipelines`, rejecting a name written twice. */
export function collectModels(pipelines: readonly Pipeline[]): ModelSpec[] {
  const byName = new Map<string, ModelSpec>();
  for (const model of pipelines.flatMap((p) => p.models)) {
    const other = byName.get(model.name);
    if (other) {
      throw new SluiceError(`model '${model.name}' is written twice (also by pipeline '${other.pipeline}' at ${other.site.file}:${other.site.line})`, model.site);
    }
    byName.set(model.name, model);
  }
  return [...byName.values()];
}

/**
 * Runs `pipelines` in memory with their original JavaScript lambdas — the reference
 * semantics the SQL engines are tested against. Models are built in dependency order
 * (a model reading another is built after it); `p.previous(name)` reads
 * `inputs.previous[name]` (empty when absent). Throws a SluiceError for an unknown model, a
 * cycle between models, a missing source, input rows that do not match their schema, or an
 * exception in a lambda (naming the call site and the row).
 *
 * @example
 * const result = runDirect([customers], { sources: { crm_contacts: [{ contact_id: 'c1', ... }] } });
 * result.models.email_stats; // rows
 */
export function runDirect(pipelines: readonly Pipeline[], inputs: DirectInputs): DirectResult {
  const specs = collectModels(pipelines);
  const given = inputs.models ?? {};
  for (const spec of specs) {
    if (spec.name in given) throw new SluiceError(`model '${spec.name}' is both given in inputs.models and written by pipeline '${spec.pipeline}'`, spec.site);
  }
  const built: Record<string, Row[]> = {};
  const nodes = new Map(specs.map((s) => [s.name, s.node]));
  const scope: Scope = {
    inputs,
    modelRows: (name) => built[name] ?? given[name],
    modelNode: (name) => nodes.get(name),
  };
  const ctx = createContext(scope);
  const order = buildOrder(specs, new Set(Object.keys(given)));
  for (const spec of order) built[spec.name] = [...ctx.rows(spec.node)];
  return { models: built, order: order.map((s) => s.name) };
}

/**
 * Evaluates one node of a captured graph (and what feeds it) — for differential tests of a
 * single transform. A readModel node reads `inputs.models`.
 */
export function evaluateNode(node: GraphNode, inputs: DirectInputs): Row[] {
  const given = inputs.models ?? {};
  const ctx = createContext({ inputs, modelRows: (name) => given[name], modelNode: () => undefined });
  return [...ctx.rows(node)];
}

/** The rows of `model` in a result, typed by the model's row type. */
export function modelRows<T>(result: DirectResult, model: Model<T> | string): T[] {
  const name = typeof model === 'string' ? model : model.name;
  const rows = result.models[name];
  if (!rows) throw new Error(`model '${name}' was not part of this run (models: ${Object.keys(result.models).join(', ') || 'none'})`);
  return rows as T[];
}
