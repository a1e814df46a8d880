/** Connected components: the SQL program (both engines) and the in-memory reference. */
export { componentsProgram, type ComponentsSpec } from './statements.js';
export { bigqueryComponents, duckdbComponents, type ComponentsDialect } from './dialect.js';
export { UnionFind, componentsOf } from './union-find.js';
