/**
 * The dispatcher: translates lambda source node by node through the table (table.ts).
 * One Translation per lambda; constants are cached across lambdas in {@link Shared}.
 */
import { Node, type Statement, type Type } from 'ts-morph';
import type { SqlType } from '../../sdk/schema.js';
import type { Expr } from '../ir/expr.js';
import { canBeNull, canBeUndefined } from './checker.js';
import { entryName, type Cx, type Entry } from './context.js';
import { fail, snippet } from './errors.js';
import type { FunctionLike } from './locate.js';
import { bindParams } from './params.js';
import { syntacticNullishness, type NameMeaning, type Nullishness, type NullnessEnv } from './nullness.js';
import { refusal } from './refusals.js';
import { Scope } from './scope.js';
import { TABLE } from './table.js';
import { isExpr, type Val } from './values.js';
import { factKey } from './narrowing.js';
import { withNullable } from '../ir/expr.js';

const MAX_INLINE_DEPTH = 32;

/** State shared by all translations of one Translator: the table index and constant cache. */
export class Shared {
  readonly index = new Map<string, Entry>(TABLE.map((e) => [`${e.kind}:${entryName(e)}`, e]));
  readonly constants = new Map<Node, Val>();
  readonly constantsInProgress = new Set<Node>();
  /** What the syntax proved about values passed to inlined helpers, so their parameters keep it. */
  readonly argNullishness = new WeakMap<Val, Nullishness>();
  private exact: boolean | undefined;

  /**
   * `columnsNeverUndefined` answers whether no row column of the project can be undefined
   * (see undefined-free.ts); asked once, when first needed. Without it, the checker decides.
   */
  constructor(private readonly columnsNeverUndefined: () => boolean = () => false) {}

  /** Whether row columns are typed exactly by their SQL types (`T | null`, never undefined). */
  get exactColumns(): boolean {
    this.exact ??= this.columnsNeverUndefined();
    return this.exact;
  }
}

/** The nullishness of a column of SQL type `type`, when columns are exact; JSON is `unknown` in TypeScript. */
function columnNullishness(type: SqlType): Nullishness {
  return type.kind === 'JSON' ? { null: true, undefined: true } : { null: type.nullable, undefined: false };
}

export class Translation implements Cx {
  private current: Scope;
  /** Keys of expressions known to be non-null here (narrowing.ts). */
  private facts: ReadonlySet<string> = new Set();
  private readonly inlining: Node[] = [];

  constructor(
    private readonly shared: Shared,
    scope: Scope = new Scope(),
  ) {
    this.current = scope;
  }

  get scope(): Scope {
    return this.current;
  }

  val(node: Node): Val {
    const entry = this.entry('syntax', String(node.getKind()));
    if (entry) {
      const v = entry.translate(node, this);
      return this.facts.size > 0 && isExpr(v) && v.type.nullable && this.facts.has(factKey(node)) ? ({ ...v, type: withNullable(v.type, false) } as Expr) : v;
    }
    const known = refusal(`syntax:${node.getKindName()}`);
    return fail(node, `'${snippet(node)}' (${node.getKindName()}) is not supported in lambdas${known ? `: ${known.reason}` : ''}`, known?.hint ?? 'see docs/expressions.md for the supported subset');
  }

  expr(node: Node): Expr {
    const v = this.val(node);
    if (isExpr(v)) return v;
    if (v.k === 'row') return fail(node, `'${snippet(node)}' is a whole row, not a value`, 'read its fields (r.email), or spread it into an object ({ ...r })');
    if (v.k === 'regex') return fail(node, 'a regex literal can only be used with .test(), .replace() or .replaceAll()');
    return fail(node, 'desc() can only be used at the top of an ordering lambda', 'e.g. r => [desc(r.ts), r.id]');
  }

  bool(node: Node): Expr {
    const e = this.expr(node);
    // A BOOL value is a JavaScript boolean (or null): the SQL type decides, no checker needed.
    if (e.type.kind !== 'BOOL') {
      fail(node, `a condition must be boolean, got '${snippet(node)}' (${e.type.kind})`, 'compare explicitly, e.g. x !== null or s !== \'\' (JavaScript truthiness is not translated)');
    }
    return e;
  }

  typeOf(node: Node): Type {
    return node.getType();
  }

  nullishness(node: Node): Nullishness {
    if (this.facts.has(factKey(node))) return { null: false, undefined: false };
    const known = syntacticNullishness(node, this.nullnessEnv);
    if (known) return known;
    const t = this.typeOf(node);
    return { null: canBeNull(t), undefined: canBeUndefined(t) };
  }

  /** What names in scope mean for {@link syntacticNullishness}. */
  private readonly nullnessEnv: NullnessEnv = {
    name: (name) => {
      const val = this.current.lookup(name);
      if (!val) return undefined;
      if (val.k === 'row') return { kind: 'row' };
      if (val.k === 'col' && this.shared.exactColumns) return { kind: 'column', nullishness: columnNullishness(val.type) };
      const passed = this.shared.argNullishness.get(val);
      return passed ? { kind: 'column', nullishness: passed } : ({ kind: 'other' } satisfies NameMeaning);
    },
    field: (row, name) => {
      const val = this.current.lookup(row);
      const field = val?.k === 'row' ? val.fields.find((f) => f.name === name) : undefined;
      return field && this.shared.exactColumns ? columnNullishness(field.type) : undefined;
    },
  };

  assuming<T>(facts: readonly string[], fn: () => T): T {
    const saved = this.facts;
    this.facts = new Set([...saved, ...facts]);
    try {
      return fn();
    } finally {
      this.facts = saved;
    }
  }

  within<T>(scope: Scope, fn: () => T): T {
    const saved = this.current;
    this.current = scope;
    try {
      return fn();
    } finally {
      this.current = saved;
    }
  }

  body(fn: FunctionLike): Val {
    const body = fn.getBody();
    if (!body) return fail(fn, 'the function has no body');
    if (!Node.isBlock(body)) return this.val(body);
    const run = (stmts: readonly Statement[]): Val => {
      const [first, ...rest] = stmts;
      if (!first) return fail(body, 'this function does not return a value on every path', 'end every branch with return');
      const entry = this.entry('statement', String(first.getKind()));
      if (entry) return entry.translate(first, rest, this, run);
      const known = refusal(`statement:${first.getKindName()}`);
      return fail(first, `the statement '${snippet(first)}' is not supported${known ? `: ${known.reason}` : ''}`, known?.hint ?? 'bodies may contain const declarations, if statements that return, and return');
    };
    return this.within(this.current.child(), () => run(body.getStatements()));
  }

  inline(fn: FunctionLike, args: readonly Val[], call: Node): Val {
    if (this.inlining.includes(fn)) fail(call, 'recursive helper functions cannot be inlined', 'write the logic without recursion');
    if (this.inlining.length >= MAX_INLINE_DEPTH) fail(call, `helpers nest deeper than ${MAX_INLINE_DEPTH} calls`);
    if (Node.isCallExpression(call)) {
      // Decided in the caller's scope: inside the helper, only the parameter names remain.
      call.getArguments().forEach((arg, i) => {
        const val = args[i];
        const known = val && val.k !== 'col' ? syntacticNullishness(arg, this.nullnessEnv) : undefined;
        if (val && known) this.shared.argNullishness.set(val, known);
      });
    }
    this.inlining.push(fn);
    // Facts are keyed by source text: the caller's do not hold for the helper's own names.
    const callerFacts = this.facts;
    this.facts = new Set();
    try {
      const scope = new Scope();
      bindParams(fn, args, scope, this, call);
      return this.within(scope, () => this.body(fn));
    } finally {
      this.facts = callerFacts;
      this.inlining.pop();
    }
  }

  constant(decl: Node, init: Node): Val {
    const cached = this.shared.constants.get(decl);
    if (cached) return cached;
    if (this.shared.constantsInProgress.has(decl)) fail(init, 'this const refers to itself');
    this.shared.constantsInProgress.add(decl);
    try {
      const val = this.within(new Scope(), () => this.val(init));
      this.shared.constants.set(decl, val);
      return val;
    } finally {
      this.shared.constantsInProgress.delete(decl);
    }
  }

  entry<K extends Entry['kind']>(kind: K, name: string): Extract<Entry, { kind: K }> | undefined {
    return this.shared.index.get(`${kind}:${name}`) as Extract<Entry, { kind: K }> | undefined;
  }

  entries(): readonly Entry[] {
    return TABLE;
  }
}
