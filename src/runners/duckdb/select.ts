/**
 * Model selection for partial runs: `name` (that model), `+name` (it and everything it
 * reads, transitively), `name+` (it and everything downstream of it).
 */
import type { CompiledModel } from '../../compiler/artifact/types.js';
import { SluiceError } from '../../sdk/errors.js';

/** The selected models, in the project's dependency order. No patterns selects all. */
export function selectModels(models: readonly CompiledModel[], patterns: readonly string[]): CompiledModel[] {
  if (!patterns.length) return [...models];
  const byName = new Map(models.map((m) => [m.name, m]));
  const downstream = new Map<string, string[]>();
  for (const m of models) for (const d of m.dependsOn.models) downstream.set(d, [...(downstream.get(d) ?? []), m.name]);
  const chosen = new Set<string>();
  for (const pattern of patterns) {
    const up = pattern.startsWith('+');
    const down = pattern.endsWith('+');
    const name = pattern.slice(up ? 1 : 0, down ? -1 : undefined);
    if (!byName.has(name)) {
      throw new SluiceError(`--select: no model named '${name}'`, undefined, `models: ${[...byName.keys()].sort().join(', ')}`);
    }
    chosen.add(name);
    if (up) closure(name, (n) => byName.get(n)?.dependsOn.models ?? []).forEach((n) => chosen.add(n));
    if (down) closure(name, (n) => downstream.get(n) ?? []).forEach((n) => chosen.add(n));
  }
  return models.filter((m) => chosen.has(m.name));
}

/** Every name reachable from `start` by `next`, `start` included. */
function closure(start: string, next: (name: string) => readonly string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length) {
    const name = stack.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    stack.push(...next(name));
  }
  return seen;
}
