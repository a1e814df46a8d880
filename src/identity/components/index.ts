/** Connected components: the SQL program (both engines) and the in-memory reference. */
export { componentsProgram, type ComponentsSpec } from '../../compiler/programs/components.js';
export type { ComponentsDialect } from '../../compiler/programs/components-dialect.js';
export { bigqueryComponents } from '../../compiler/dialects/bigquery/components.js';
export { duckdbComponents } from '../../compiler/dialects/duckdb/components.js';
export { UnionFind, componentsOf } from './union-find.js';
