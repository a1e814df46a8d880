/**
 * An incrementally built ZetaSQL catalog: tables (from Sluice schemas or raw ZetaSQL types)
 * and named constants (script variables). `toProto` renders the SimpleCatalogProto the
 * service expects; `version` changes on every edit so registrations can be cached.
 */
import type { SqlField } from '../../sdk/schema.js';
import type { LanguageOptionsProto, SimpleCatalogProto, SimpleTableProto, TypeProto } from './proto-types.js';
import { toTypeProto } from './types.js';

/** A table as Sluice declares it: its path (e.g. `['proj', 'dataset', 'orders']`) and columns. */
export interface TableSchema {
  readonly path: readonly string[];
  readonly columns: readonly SqlField[];
}

/** A column whose type is already a ZetaSQL type (e.g. read back from an analyzed CTAS). */
export interface ZetaColumn {
  readonly name: string;
  readonly type: TypeProto;
}

interface Entry {
  readonly path: readonly string[];
  readonly columns: readonly ZetaColumn[];
}

interface CatalogNode {
  readonly name: string;
  readonly tables: Map<string, SimpleTableProto>;
  readonly children: Map<string, CatalogNode>;
}

/** Table paths and constant names are case-insensitive in ZetaSQL lookups. */
const key = (path: readonly string[]): string => path.join('.').toLowerCase();

/** Tables and constants to analyze or evaluate SQL against. */
export class Catalog {
  private readonly tables = new Map<string, Entry>();
  private readonly constants = new Map<string, ZetaColumn>();
  private revision = 0;

  /** A catalog holding `schemas`. */
  static of(schemas: readonly TableSchema[]): Catalog {
    const catalog = new Catalog();
    for (const schema of schemas) catalog.addTable(schema);
    return catalog;
  }

  /** Increases on every change. */
  get version(): number {
    return this.revision;
  }

  /** Adds (or replaces) a table declared with Sluice types. */
  addTable(schema: TableSchema): this {
    return this.addZetaTable(
      schema.path,
      schema.columns.map((c) => ({ name: c.name, type: toTypeProto(c.type) })),
    );
  }

  /** Adds (or replaces) a table whose column types are ZetaSQL types. */
  addZetaTable(path: readonly string[], columns: readonly ZetaColumn[]): this {
    if (path.length === 0) throw new Error('a table path needs at least one part');
    this.tables.set(key(path), { path: [...path], columns: [...columns] });
    this.revision++;
    return this;
  }

  /** Removes a table if present. */
  removeTable(path: readonly string[]): this {
    if (this.tables.delete(key(path))) this.revision++;
    return this;
  }

  /** Whether a table with this path exists (case-insensitive). */
  hasTable(path: readonly string[]): boolean {
    return this.tables.has(key(path));
  }

  /** Adds (or replaces) a named constant, e.g. a script variable. Its value is NULL. */
  addConstant(name: string, type: TypeProto): this {
    this.constants.set(name.toLowerCase(), { name, type });
    this.revision++;
    return this;
  }

  /** Removes a constant if present (e.g. a variable going out of scope). */
  removeConstant(name: string): this {
    if (this.constants.delete(name.toLowerCase())) this.revision++;
    return this;
  }

  /** Whether a constant with this name exists (case-insensitive). */
  hasConstant(name: string): boolean {
    return this.constants.has(name.toLowerCase());
  }

  /** An independent copy (e.g. for a script that creates temp tables). */
  clone(): Catalog {
    return this.subset(() => true);
  }

  /**
   * An independent copy with only the tables named in `names` (identifier segments as written,
   * in any dotted grouping) and all constants. Smaller catalogs register faster, which matters
   * when a script's scope changes at every DECLARE and CREATE TEMP TABLE.
   */
  referencedSubset(names: readonly (readonly string[])[]): Catalog {
    const wanted = new Set(names.map((segments) => key(segments)));
    return this.subset((entry) => wanted.has(key(entry.path)));
  }

  private subset(keep: (entry: Entry) => boolean): Catalog {
    const copy = new Catalog();
    for (const entry of this.tables.values()) if (keep(entry)) copy.addZetaTable(entry.path, entry.columns);
    for (const constant of this.constants.values()) copy.addConstant(constant.name, constant.type);
    return copy;
  }

  /**
   * The SimpleCatalogProto. A backtick-quoted `` `p.d.t` `` is ONE identifier to ZetaSQL while
   * BigQuery splits it on dots, so each table is registered under every grouping of its path
   * into dotted segments: `p.d.t`, `` `p.d`.t ``, `` p.`d.t` `` and `` `p.d.t` `` all resolve.
   * The flat full name sits at the root, where `evaluate` attaches table data.
   */
  toProto(languageOptions: LanguageOptionsProto): SimpleCatalogProto {
    const root: CatalogNode = { name: '', tables: new Map(), children: new Map() };
    for (const entry of this.tables.values()) {
      for (const segments of groupings(entry.path)) {
        let node = root;
        for (const segment of segments.slice(0, -1)) {
          const k = segment.toLowerCase();
          let child = node.children.get(k);
          if (!child) node.children.set(k, (child = { name: segment, tables: new Map(), children: new Map() }));
          node = child;
        }
        const name = segments[segments.length - 1]!;
        node.tables.set(name.toLowerCase(), {
          name,
          column: entry.columns.map((c) => ({ name: c.name, type: c.type })),
        });
      }
    }
    return {
      ...nodeProto(root),
      constant: [...this.constants.values()].map((c) => ({ namePath: [c.name], type: c.type, value: {} })),
      builtinFunctionOptions: { languageOptions },
    };
  }
}

/** Every way to split `path` into consecutive groups, each group joined with dots. */
function groupings(path: readonly string[]): string[][] {
  if (path.length === 1) return [[path[0]!]];
  const result: string[][] = [];
  for (let take = 1; take <= path.length; take++) {
    const head = path.slice(0, take).join('.');
    if (take === path.length) result.push([head]);
    else for (const rest of groupings(path.slice(take))) result.push([head, ...rest]);
  }
  return result;
}

function nodeProto(node: CatalogNode): SimpleCatalogProto {
  return { name: node.name, table: [...node.tables.values()], catalog: [...node.children.values()].map(nodeProto) };
}
