/**
 * CTE names derived from transform names, so a step keeps its name when unrelated steps are
 * added (diffs in PR previews stay small): `orders/normalize/map` → `normalize__map`.
 */

/** A SQL-safe name for a step: path segments after the pipeline, joined by `__`. */
export function cteBaseName(originName: string): string {
  const segments = originName.split('/');
  const meaningful = segments.length > 1 ? segments.slice(1) : segments;
  const joined = meaningful
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, ''))
    .filter((s) => s.length > 0)
    .join('__');
  const name = joined.length > 0 ? joined : 'step';
  return /^[0-9]/.test(name) ? `step_${name}` : name;
}

/** Hands out unique names: the base name, then `base_2`, `base_3`, ... */
export class NameAllocator {
  private readonly taken = new Set<string>();

  /** Marks names as unavailable (e.g. unqualified table names a CTE would shadow). */
  reserve(name: string): void {
    this.taken.add(name.toLowerCase());
  }

  allocate(base: string): string {
    let name = base;
    for (let n = 2; this.taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
    this.taken.add(name.toLowerCase());
    return name;
  }
}
