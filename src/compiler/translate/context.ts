/**
 * The contract between the dispatcher and construct handlers: the shape of a row of the
 * supported-subset table (table.ts), and `Cx`, what a handler receives (recursive translation,
 * the checker, and table look-ups). Handlers never import the dispatcher or the table, so
 * the modules stay acyclic.
 */
import type { BinaryExpression, CallExpression, NewExpression, Node, PrefixUnaryExpression, Statement, SyntaxKind, Type } from 'ts-morph';
import type { Expr } from '../ir/expr.js';
import type { FunctionLike } from './locate.js';
import type { Nullishness } from './nullness.js';
import type { Scope } from './scope.js';
import type { RegexVal, Val } from './values.js';

export interface Cx {
  /** Translates any sub-expression. */
  val(node: Node): Val;
  /** Translates a sub-expression that must be a scalar value (not a whole row, regex or desc()). */
  expr(node: Node): Expr;
  /** Translates a boolean condition. */
  bool(node: Node): Expr;
  /** The checker's type of a node: costly (it infers the pipeline's types); prefer the SQL types. */
  typeOf(node: Node): Type;
  /** Whether a node may be null and / or undefined in JavaScript (the checker only when the syntax cannot tell). */
  nullishness(node: Node): Nullishness;
  /** The current lexical scope. */
  readonly scope: Scope;
  /** Runs `fn` with `scope` as the current scope. */
  within<T>(scope: Scope, fn: () => T): T;
  /** Runs `fn` knowing the expressions keyed by `facts` (narrowing.ts) are non-null. */
  assuming<T>(facts: readonly string[], fn: () => T): T;
  /** Translates a function's body (expression or block of const / if / return). */
  body(fn: FunctionLike): Val;
  /**
   * Inlines a project helper function called with `args`, guarding against recursion.
   * `call` is where it is called (for error positions).
   */
  inline(fn: FunctionLike, args: readonly Val[], call: Node): Val;
  /** Translates the initializer of a `const` once per translator (cached). */
  constant(decl: Node, init: Node): Val;
  /** The table entry for a dispatch key (see {@link entryKey}). */
  entry<K extends Entry['kind']>(kind: K, name: string): Extract<Entry, { kind: K }> | undefined;
  /** Every table entry (for listing alternatives in error hints). */
  entries(): readonly Entry[];
}



export type Section =
  | 'Literals'
  | 'Rows and bindings'
  | 'Arithmetic'
  | 'Comparison'
  | 'Logic and nulls'
  | 'Math'
  | 'Strings'
  | 'Regular expressions'
  | 'Conversions'
  | 'Arrays and objects'
  | 'Timestamps'
  | 'Ordering'
  | 'Function bodies';

/** Documentation of a construct, rendered into docs/expressions.md. */
export interface Doc {
  readonly section: Section;
  /** Short name of the construct. */
  readonly construct: string;
  /** A lambda fragment using it. */
  readonly example: string;
  /** What it means in SQL (op names of the expression IR, or prose). */
  readonly sql: string;
  /** How JavaScript semantics are kept, limits, refusals. */
  readonly notes?: string;
}

/** The value families whose methods and properties the table lists. */
export type Family = 'string' | 'number' | 'boolean' | 'array' | 'date';

/** A method call `receiver.name(args)` on a translated receiver. */
export interface MethodCall<R = Expr> {
  readonly call: CallExpression;
  readonly receiver: R;
  readonly args: readonly Node[];
}

/** A call of a known function (`Math.abs(x)`, `Number(x)`, `time.year(ts)`, `new Date(s)`). */
export interface FunctionCall {
  readonly call: CallExpression | NewExpression;
  readonly args: readonly Node[];
}

/** How statements of a block body continue: translate the remaining statements. */
export type Continue = (rest: readonly Statement[]) => Val;

/** Kinds of identifier resolution (see resolve.ts). */
export type BindingKind = 'const' | 'enum' | 'helper';

export type Entry = Doc &
  (
    | { readonly kind: 'syntax'; readonly syntax: SyntaxKind; readonly translate: (node: Node, cx: Cx) => Val }
    | { readonly kind: 'binary'; readonly operator: string; readonly translate: (node: BinaryExpression, cx: Cx) => Val }
    | { readonly kind: 'prefix'; readonly operator: string; readonly translate: (node: PrefixUnaryExpression, cx: Cx) => Val }
    | { readonly kind: 'method'; readonly on: Family; readonly name: string; readonly translate: (m: MethodCall, cx: Cx) => Val }
    | { readonly kind: 'regex'; readonly name: string; readonly translate: (m: MethodCall<RegexVal>, cx: Cx) => Val }
    | { readonly kind: 'property'; readonly on: Family; readonly name: string; readonly translate: (receiver: Expr, node: Node, cx: Cx) => Val }
    /** `name` is `Math.abs`, `Number`, `time.year`, `desc`, `new Date`, `Math.PI` (constants take no call). */
    | { readonly kind: 'function'; readonly name: string; readonly translate: (f: FunctionCall, cx: Cx) => Val }
    | { readonly kind: 'constant'; readonly name: string; readonly value: Expr }
    | { readonly kind: 'binding'; readonly name: BindingKind; readonly translate: (use: Node, decl: Node, cx: Cx) => Val }
    /** The overall form of a lambda (parameters, returned shape): handled by shapes.ts, documented here. */
    | { readonly kind: 'form'; readonly name: string }
    | {
        readonly kind: 'statement';
        readonly syntax: SyntaxKind;
        readonly translate: (stmt: Statement, rest: readonly Statement[], cx: Cx, next: Continue) => Val;
      }
  );

/** The name an entry is looked up by within its kind (`cx.entry(kind, name)`). */
export function entryName(e: Entry): string {
  switch (e.kind) {
    case 'syntax':
    case 'statement':
      return String(e.syntax);
    case 'binary':
    case 'prefix':
      return e.operator;
    case 'method':
    case 'property':
      return `${e.on}.${e.name}`;
    default:
      return e.name;
  }
}
