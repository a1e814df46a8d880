/**
 * Per-pipeline capture state: node ids, hierarchical names, the scope stack of composite
 * transforms, and the models written so far.
 */
import type { CallSite } from './callsite.js';
import { SluiceError } from './errors.js';
import type { GraphNode, ModelSpec } from './graph.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type NodeInit = DistributiveOmit<GraphNode, 'id' | 'name'>;

export class PipelineContext {
  readonly nodes: GraphNode[] = [];
  readonly models: ModelSpec[] = [];
  private readonly scopes: string[] = [];
  private readonly names = new Map<string, CallSite>();

  constructor(readonly pipeline: string) {}

  /**
   * Registers a node. Auto-named nodes (named `autoBase`, default the node kind) get `_2`,
   * `_3` suffixes; explicit names must be unique.
   */
  add(init: NodeInit, explicitName?: string, autoBase: string = init.kind): GraphNode {
    const name = explicitName ? this.claim(explicitName, init.site) : this.autoName(autoBase);
    const node = { ...init, id: this.nodes.length, name } as GraphNode;
    this.nodes.push(node);
    return node;
  }

  /** Runs `body` inside a named composite-transform scope. */
  scoped<R>(name: string, site: CallSite, body: () => R): R {
    this.claim(name, site);
    this.scopes.push(name);
    try {
      return body();
    } finally {
      this.scopes.pop();
    }
  }

  private path(leaf: string): string {
    return [this.pipeline, ...this.scopes, leaf].join('/');
  }

  private claim(leaf: string, site: CallSite): string {
    if (!/^[A-Za-z0-9_.-]+$/.test(leaf)) {
      throw new SluiceError(`transform name ${JSON.stringify(leaf)} may only use letters, digits, '_', '.' and '-'`, site);
    }
    const full = this.path(leaf);
    const previous = this.names.get(full);
    if (previous) {
      throw new SluiceError(
        `duplicate transform name '${full}' (first used at ${previous.file}:${previous.line}:${previous.column})`,
        site,
        'give each named transform a distinct name within its scope',
      );
    }
    this.names.set(full, site);
    return full;
  }

  private autoName(kind: string): string {
    let full = this.path(kind);
    for (let n = 2; this.names.has(full); n++) full = this.path(`${kind}_${n}`);
    this.names.set(full, { file: '<auto>', line: 0, column: 0 });
    return full;
  }
}
