/**
 * A stand-in for the translator: each lambda is created here with its translation given up
 * front (a value, or a function of the row parameters it is bound to). Every call is
 * recorded, so tests can check what the planner passed (e.g. nullable join sides).
 */
import type { AnyFn, LambdaRef } from '../../../../src/sdk/graph.js';
import type { Expr, NamedExpr, OrderItem } from '../../../../src/compiler/ir/expr.js';
import type { RowParam, Translator } from '../../../../src/compiler/translate/api.js';

type Answer<T> = T | ((params: readonly RowParam[]) => T);

export interface RecordedCall {
  readonly method: keyof Translator;
  readonly callee: string;
  readonly params: readonly RowParam[];
}

export class FakeTranslator implements Translator {
  readonly calls: RecordedCall[] = [];
  private readonly answers = new Map<AnyFn, Answer<unknown>>();
  private next = 1;

  /** A fresh lambda (unique function) whose translation is `answer`. */
  lambda<T>(callee: string, answer: Answer<T>, prop?: string): LambdaRef {
    const fn = () => undefined;
    this.answers.set(fn, answer);
    const line = this.next++;
    return { fn, callee, arg: 0, site: { file: 'fake.ts', line, column: 1 }, ...(prop ? { prop } : {}) };
  }

  private answer<T>(method: keyof Translator, ref: LambdaRef, params: readonly RowParam[]): T {
    this.calls.push({ method, callee: ref.callee, params });
    if (!this.answers.has(ref.fn)) throw new Error(`fake translator: no answer for ${ref.callee}`);
    const a = this.answers.get(ref.fn);
    return (typeof a === 'function' ? (a as (p: readonly RowParam[]) => T)(params) : a) as T;
  }

  scalar(ref: LambdaRef, params: readonly RowParam[]): Expr {
    return this.answer('scalar', ref, params);
  }
  row(ref: LambdaRef, params: readonly RowParam[]): NamedExpr[] {
    return this.answer('row', ref, params);
  }
  key(ref: LambdaRef, params: readonly RowParam[]): NamedExpr[] {
    return this.answer('key', ref, params);
  }
  ordering(ref: LambdaRef, params: readonly RowParam[]): OrderItem[] {
    return this.answer('ordering', ref, params);
  }
  flatMap(ref: LambdaRef, params: readonly RowParam[]): { array: Expr; columns: NamedExpr[] } {
    return this.answer('flatMap', ref, params);
  }
}
