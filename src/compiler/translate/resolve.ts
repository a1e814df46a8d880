/**
 * What an identifier refers to, found from the syntax alone: a declaration in an enclosing
 * scope of its file, or, through an import, the declaration a module exports (re-exports
 * followed). Asking the type checker instead builds the whole program and binds every file,
 * which costs seconds on a large project; this reads only the files on the import path.
 *
 * Anything this does not model exactly (default imports, `export =`, package specifiers,
 * namespaces, script files, `var` hoisting) answers undefined, and the caller asks the checker.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ts, type Node, type SourceFile } from 'ts-morph';
import { wrap } from './wrap.js';

/** JS globals the translator knows by name, resolved without the checker when nothing shadows them. */
const GLOBALS = new Set(['Math', 'Date', 'JSON', 'Object', 'Number', 'String', 'Boolean', 'Array', 'Intl', 'console']);

/** `id` names a JS global of {@link GLOBALS} (nothing in its file declares or imports it). */
export const GLOBAL = Symbol('global');

type Found = { readonly sf: SourceFile; readonly node: ts.Node };
type Lookup = Found | typeof GLOBAL | undefined;

/** A declaration of a name in a scope, or UNKNOWN when the name is declared in a way not modeled. */
const UNKNOWN = Symbol('unknown');
type Local = ts.Node | typeof UNKNOWN | undefined;

const MAX_HOPS = 20;

/**
 * The declaration `id` refers to (as the checker would give it: the variable / binding
 * element / parameter / function / enum / class declaration, or the source file of a
 * namespace import), {@link GLOBAL} for a known JS global, or undefined when only the checker
 * can tell.
 */
export function resolveIdentifier(id: Node): Node | typeof GLOBAL | undefined {
  const compiler = id.compilerNode;
  if (!ts.isIdentifier(compiler)) return undefined;
  const sf = id.getSourceFile();
  const found = resolveName(sf, compiler, compiler.text, 0);
  if (found === GLOBAL || found === undefined) return found;
  return wrap(found.sf, found.node);
}

/** Files whose names resolve only by the checker: scripts (globals shared across files) and `var` users. */
const opaque = new WeakMap<ts.SourceFile, boolean>();
function isOpaque(file: ts.SourceFile): boolean {
  let o = opaque.get(file);
  if (o === undefined) {
    o = !ts.isExternalModule(file) || /\bvar\s/.test(file.text) || /\bdeclare\s+global\b/.test(file.text);
    opaque.set(file, o);
  }
  return o;
}

function resolveName(sf: SourceFile, from: ts.Node, name: string, hops: number): Lookup {
  if (hops > MAX_HOPS || isOpaque(sf.compilerNode)) return undefined;
  for (let scope: ts.Node | undefined = from.parent; scope; scope = scope.parent) {
    const local = lookupIn(scope, name);
    if (local === UNKNOWN) return undefined;
    if (local) return follow(sf, local, hops);
  }
  return GLOBALS.has(name) ? GLOBAL : undefined;
}

/** The declaration module `file` exports as `name` (re-exports followed), or undefined when the syntax cannot tell. */
export function exportOf(file: SourceFile, name: string): Node | undefined {
  const found = exported(file, name, 0);
  return found && found !== GLOBAL ? wrap(found.sf, found.node) : undefined;
}

/** A local declaration, or the target of an import specifier. */
function follow(sf: SourceFile, decl: ts.Node, hops: number): Lookup {
  if (ts.isNamespaceImport(decl)) {
    const target = moduleOf(sf, (decl.parent.parent as ts.ImportDeclaration).moduleSpecifier);
    return target && { sf: target, node: target.compilerNode };
  }
  if (ts.isImportSpecifier(decl)) {
    const target = moduleOf(sf, decl.parent.parent.parent.moduleSpecifier);
    return target && exported(target, (decl.propertyName ?? decl.name).text, hops + 1);
  }
  return { sf, node: decl };
}

// ---- scopes -----------------------------------------------------------------------------

const topLevel = new WeakMap<ts.SourceFile, Map<string, Local>>();

/** The declaration of `name` that `scope` itself introduces. */
function lookupIn(scope: ts.Node, name: string): Local {
  if (ts.isSourceFile(scope)) {
    let names = topLevel.get(scope);
    if (!names) {
      names = new Map();
      for (const st of scope.statements) declareStatement(st, names);
      topLevel.set(scope, names);
    }
    return names.get(name);
  }
  if (ts.isBlock(scope) || ts.isModuleBlock(scope)) return inStatements(scope.statements, name);
  if (ts.isCaseBlock(scope)) return inStatements(scope.clauses.flatMap((c) => [...c.statements]), name);
  if (ts.isFunctionLike(scope)) {
    for (const p of scope.parameters) {
      const hit = inBinding(p.name, p, name);
      if (hit) return hit;
    }
    if ((ts.isFunctionExpression(scope) || ts.isClassExpression(scope)) && scope.name?.text === name) return scope;
    return undefined;
  }
  if (ts.isForStatement(scope) || ts.isForOfStatement(scope) || ts.isForInStatement(scope)) {
    const init = scope.initializer;
    return init && ts.isVariableDeclarationList(init) ? inDeclarationList(init, name) : undefined;
  }
  if (ts.isCatchClause(scope) && scope.variableDeclaration) return inBinding(scope.variableDeclaration.name, scope.variableDeclaration, name);
  return undefined;
}

function inStatements(statements: readonly ts.Statement[], name: string): Local {
  const names = new Map<string, Local>();
  for (const st of statements) declareStatement(st, names);
  return names.get(name);
}

/** Records the value names a statement declares (first declaration wins, as the checker's value declaration). */
function declareStatement(st: ts.Statement, names: Map<string, Local>): void {
  const add = (n: string, decl: Local) => {
    if (!names.has(n)) names.set(n, decl);
  };
  if (ts.isVariableStatement(st)) {
    for (const d of st.declarationList.declarations) forEachBindingName(d.name, d, add);
  } else if (ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st) || ts.isEnumDeclaration(st)) {
    if (st.name) add(st.name.text, st);
  } else if (ts.isModuleDeclaration(st) || ts.isImportEqualsDeclaration(st)) {
    if (ts.isIdentifier(st.name)) add(st.name.text, UNKNOWN);
  } else if (ts.isImportDeclaration(st)) {
    const clause = st.importClause;
    if (!clause || clause.isTypeOnly) return;
    if (clause.name) add(clause.name.text, UNKNOWN);
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) add(bindings.name.text, bindings);
    if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) if (!el.isTypeOnly) add(el.name.text, el);
  }
}

function inDeclarationList(list: ts.VariableDeclarationList, name: string): Local {
  for (const d of list.declarations) {
    const hit = inBinding(d.name, d, name);
    if (hit) return hit;
  }
  return undefined;
}

function inBinding(binding: ts.BindingName, decl: ts.Node, name: string): Local {
  let hit: Local;
  forEachBindingName(binding, decl, (n, d) => {
    if (n === name && !hit) hit = d;
  });
  return hit;
}

/** Each name a binding introduces, with its declaration: the whole declaration for a plain name, the element in a pattern. */
function forEachBindingName(binding: ts.BindingName, decl: ts.Node, add: (name: string, decl: ts.Node) => void): void {
  if (ts.isIdentifier(binding)) return add(binding.text, decl);
  for (const el of binding.elements) if (!ts.isOmittedExpression(el)) forEachBindingName(el.name, el, add);
}

// ---- modules ----------------------------------------------------------------------------

/** What `file` exports under `name`: declarations, `export { a as b }`, re-exports, `export *`. */
function exported(file: SourceFile, name: string, hops: number): Lookup {
  if (hops > MAX_HOPS || isOpaque(file.compilerNode)) return undefined;
  const stars: ts.Expression[] = [];
  for (const st of file.compilerNode.statements) {
    if (ts.isExportDeclaration(st)) {
      if (st.isTypeOnly) continue;
      const clause = st.exportClause;
      if (!clause) {
        if (st.moduleSpecifier) stars.push(st.moduleSpecifier);
        continue;
      }
      if (ts.isNamespaceExport(clause)) {
        if (clause.name.text !== name || !st.moduleSpecifier) continue;
        const target = moduleOf(file, st.moduleSpecifier);
        return target && { sf: target, node: target.compilerNode };
      }
      for (const el of clause.elements) {
        if (el.isTypeOnly || el.name.text !== name) continue;
        const local = (el.propertyName ?? el.name).text;
        if (!st.moduleSpecifier) return resolveName(file, file.compilerNode.endOfFileToken, local, hops + 1);
        const target = moduleOf(file, st.moduleSpecifier);
        return target && exported(target, local, hops + 1);
      }
    } else if (ts.isExportAssignment(st)) {
      if (name === 'default') return undefined;
    } else if (hasExportModifier(st)) {
      if (hasDefaultModifier(st)) {
        if (name === 'default') return undefined;
        continue;
      }
      const names = new Map<string, Local>();
      declareStatement(st, names);
      const hit = names.get(name);
      if (hit === UNKNOWN) return undefined;
      if (hit) return { sf: file, node: hit };
    }
  }
  for (const spec of stars) {
    const target = moduleOf(file, spec);
    if (!target) return undefined;
    const hit = exported(target, name, hops + 1);
    if (hit) return hit;
  }
  return undefined;
}

const modifierKinds = (st: ts.Statement) => (ts.canHaveModifiers(st) ? (ts.getModifiers(st) ?? []).map((m) => m.kind) : []);
const hasExportModifier = (st: ts.Statement) => modifierKinds(st).includes(ts.SyntaxKind.ExportKeyword);
const hasDefaultModifier = (st: ts.Statement) => modifierKinds(st).includes(ts.SyntaxKind.DefaultKeyword);

/** The parsed file a module specifier names: relative paths and package.json `imports` (`#sluice`). */
function moduleOf(from: SourceFile, specifier: ts.Expression): SourceFile | undefined {
  if (!ts.isStringLiteral(specifier)) return undefined;
  const spec = specifier.text;
  const dir = path.dirname(from.getFilePath());
  let base: string | undefined;
  if (spec.startsWith('./') || spec.startsWith('../') || path.isAbsolute(spec)) base = path.resolve(dir, spec);
  else if (spec.startsWith('#')) base = packageImport(dir, spec);
  if (!base) return undefined;
  const project = from.getProject();
  for (const candidate of candidates(base)) {
    const sf = project.getSourceFile(candidate) ?? (existsSync(candidate) ? project.addSourceFileAtPathIfExists(candidate) : undefined);
    if (sf) return sf;
  }
  return undefined;
}

/** TypeScript's NodeNext look-ups for a path: `.js` written for `.ts`, and the path itself. */
function candidates(base: string): string[] {
  const ext = path.extname(base);
  const stem = base.slice(0, base.length - ext.length);
  if (ext === '.js') return [`${stem}.ts`, `${stem}.tsx`, `${stem}.d.ts`];
  if (ext === '.mjs') return [`${stem}.mts`, `${stem}.d.mts`];
  if (ext === '.cjs') return [`${stem}.cts`, `${stem}.d.cts`];
  if (ext === '.ts' || ext === '.tsx' || ext === '.mts' || ext === '.cts') return [base];
  return [];
}

const packageJsons = new Map<string, { dir: string; imports: Record<string, unknown> } | null>();

/** `#name` through the `imports` field of the nearest package.json (exact keys, string or condition targets). */
function packageImport(dir: string, spec: string): string | undefined {
  const pkg = nearestPackageJson(dir);
  if (!pkg) return undefined;
  let target = pkg.imports[spec];
  while (target && typeof target === 'object' && !Array.isArray(target)) {
    const conditions = target as Record<string, unknown>;
    target = conditions['types'] ?? conditions['import'] ?? conditions['node'] ?? conditions['default'];
  }
  return typeof target === 'string' && target.startsWith('./') ? path.resolve(pkg.dir, target) : undefined;
}

function nearestPackageJson(dir: string): { dir: string; imports: Record<string, unknown> } | undefined {
  const cached = packageJsons.get(dir);
  if (cached !== undefined) return cached ?? undefined;
  let found: { dir: string; imports: Record<string, unknown> } | null = null;
  const file = path.join(dir, 'package.json');
  if (existsSync(file)) {
    try {
      const json = JSON.parse(readFileSync(file, 'utf8')) as { imports?: Record<string, unknown> };
      found = { dir, imports: json.imports ?? {} };
    } catch {
      found = null;
    }
  } else if (path.dirname(dir) !== dir) {
    found = nearestPackageJson(path.dirname(dir)) ?? null;
  }
  packageJsons.set(dir, found);
  return found ?? undefined;
}
