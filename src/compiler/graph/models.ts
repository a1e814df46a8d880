/**
 * Project-level view of the captured graphs: every model and source, their dependencies,
 * and a dependency order (with cycles reported as errors).
 */
import { formatCallSite } from '../../sdk/callsite.js';
import { SluiceError } from '../../sdk/errors.js';
import type { GraphNode, ModelSpec, SourceSpec } from '../../sdk/graph.js';
import type { Pipeline } from '../../sdk/pipeline.js';
import { typeToString } from '../../sdk/schema.js';

export interface ModelDeps {
  readonly models: readonly string[];
  readonly sources: readonly string[];
  readonly previous: readonly string[];
}

export interface ProjectGraph {
  /** Models in dependency order. */
  readonly models: readonly ModelSpec[];
  readonly sources: readonly SourceSpec[];
  readonly deps: ReadonlyMap<string, ModelDeps>;
  /** Node → name of the model written from it (first writer wins). */
  readonly writtenAs: ReadonlyMap<GraphNode, string>;
}

function collectSources(pipelines: readonly Pipeline[]): SourceSpec[] {
  const byName = new Map<string, SourceSpec>();
  for (const p of pipelines) {
    for (const s of p.sources) {
      const seen = byName.get(s.name);
      if (!seen) byName.set(s.name, s);
      else if (seen !== s && schemaKey(seen) !== schemaKey(s)) {
        throw new SluiceError(
          `source '${s.name}' is declared twice with different schemas (first at ${formatCallSite(seen.site)})`,
          s.site,
          'declare each source once and import it where it is read',
        );
      }
    }
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function schemaKey(s: SourceSpec): string {
  return s.schema.map((f) => `${f.name}:${typeToString(f.type)}:${f.type.nullable}`).join(',');
}

/** Walks a model's graph, stopping at nodes other models are written from. */
function dependenciesOf(model: ModelSpec, writtenAs: ReadonlyMap<GraphNode, string>): ModelDeps {
  const models = new Set<string>();
  const sources = new Set<string>();
  const previous = new Set<string>();
  const seen = new Set<GraphNode>();
  const visit = (node: GraphNode, root: boolean) => {
    if (seen.has(node)) return;
    seen.add(node);
    const other = writtenAs.get(node);
    if (!root && other !== undefined && other !== model.name) {
      models.add(other);
      return;
    }
    if (node.kind === 'readSource') sources.add(node.source);
    if (node.kind === 'readModel') (node.previous ? previous : models).add(node.model);
    node.inputs.forEach((input) => visit(input, false));
  };
  visit(model.node, true);
  return { models: [...models].sort(), sources: [...sources].sort(), previous: [...previous].sort() };
}

/** Orders models so each follows the models it reads; a cycle is an error listing its path. */
function dependencyOrder(models: readonly ModelSpec[], deps: ReadonlyMap<string, ModelDeps>): ModelSpec[] {
  const byName = new Map(models.map((m) => [m.name, m]));
  const state = new Map<string, 'visiting' | 'done'>();
  const order: ModelSpec[] = [];
  const visit = (model: ModelSpec, path: ModelSpec[]) => {
    const s = state.get(model.name);
    if (s === 'done') return;
    if (s === 'visiting') {
      const cycle = [...path.slice(path.indexOf(model)), model];
      throw new SluiceError(
        `models form a cycle: ${cycle.map((m) => m.name).join(' → ')}`,
        model.site,
        `break the cycle; the models are written at ${cycle.slice(0, -1).map((m) => `${m.name} (${formatCallSite(m.site)})`).join(', ')}`,
      );
    }
    state.set(model.name, 'visiting');
    for (const dep of deps.get(model.name)!.models) {
      const target = byName.get(dep);
      if (target) visit(target, [...path, model]);
    }
    state.set(model.name, 'done');
    order.push(model);
  };
  [...models].sort((a, b) => a.name.localeCompare(b.name)).forEach((m) => visit(m, []));
  return order;
}

/** Builds the project graph; reports duplicate model names, unknown models and cycles. */
export function projectGraph(pipelines: readonly Pipeline[]): ProjectGraph {
  const all: ModelSpec[] = [];
  const byName = new Map<string, ModelSpec>();
  const writtenAs = new Map<GraphNode, string>();
  for (const p of pipelines) {
    for (const m of p.models) {
      const seen = byName.get(m.name);
      if (seen) {
        throw new SluiceError(`model '${m.name}' is written twice (first at ${formatCallSite(seen.site)})`, m.site, 'give each model a unique name');
      }
      byName.set(m.name, m);
      all.push(m);
      if (!writtenAs.has(m.node)) writtenAs.set(m.node, m.name);
    }
  }
  const deps = new Map(all.map((m) => [m.name, dependenciesOf(m, writtenAs)]));
  for (const m of all) {
    for (const dep of deps.get(m.name)!.models) {
      if (!byName.has(dep)) throw new SluiceError(`model '${m.name}' reads unknown model '${dep}'`, readSiteOf(m, dep) ?? m.site);
    }
  }
  return { models: dependencyOrder(all, deps), sources: collectSources(pipelines), deps, writtenAs };
}

function readSiteOf(model: ModelSpec, dep: string) {
  const stack: GraphNode[] = [model.node];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.kind === 'readModel' && node.model === dep) return node.site;
    stack.push(...node.inputs);
  }
  return undefined;
}
