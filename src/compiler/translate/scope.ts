/** Lexical bindings visible while translating: lambda parameters, local consts, nested lambdas. */
import type { Val } from './values.js';

export class Scope {
  private readonly vars = new Map<string, Val>();

  /** `parent` is absent for an isolated scope (a helper body sees only its own parameters). */
  constructor(private readonly parent?: Scope) {}

  bind(name: string, val: Val): void {
    this.vars.set(name, val);
  }

  lookup(name: string): Val | undefined {
    return this.vars.get(name) ?? this.parent?.lookup(name);
  }

  child(): Scope {
    return new Scope(this);
  }
}
