/** Connected components: the SQL program (both engines) and the in-memory reference. */
export { componentsProgram, type ComponentsSpec } from '../../compiler/programs/components.js';
export { bigqueryComponents, duckdbComponents, type ComponentsDialect } from '../../compiler/programs/components-dialect.js';
export { UnionFind, componentsOf } from './union-find.js';
