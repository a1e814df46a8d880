/**
 * Runs tasks over a dependency graph with bounded concurrency: a task starts as soon as
 * every task it waits for has finished. After the first failure no new task starts; the
 * running ones finish, then the failures are reported together.
 */

export interface GraphTask {
  readonly name: string;
  /** Names of tasks that must finish first (names outside the graph are ignored). */
  readonly after: readonly string[];
}

/** Thrown when some tasks failed; `errors` in the order they happened. */
export class TasksFailed extends Error {
  constructor(readonly errors: readonly { readonly name: string; readonly error: unknown }[]) {
    super(`${errors.length} task(s) failed: ${errors.map((e) => e.name).join(', ')}`);
  }
}

/**
 * Runs `run` for every task, at most `concurrency` at a time, each after its predecessors.
 * Throws if the graph has a cycle (before running anything) or if any task failed.
 */
export async function runGraph<T extends GraphTask>(tasks: readonly T[], concurrency: number, run: (task: T) => Promise<void>): Promise<void> {
  const names = new Set(tasks.map((t) => t.name));
  const waitingOn = new Map(tasks.map((t) => [t.name, new Set(t.after.filter((a) => names.has(a) && a !== t.name))]));
  assertAcyclic(tasks, waitingOn);
  const pending = [...tasks];
  const failures: { name: string; error: unknown }[] = [];
  let running = 0;

  await new Promise<void>((resolve) => {
    const pump = () => {
      if (failures.length === 0) {
        for (let i = 0; i < pending.length && running < Math.max(1, concurrency); ) {
          const task = pending[i]!;
          if (waitingOn.get(task.name)!.size > 0) {
            i++;
            continue;
          }
          pending.splice(i, 1);
          running++;
          run(task).then(
            () => finish(task.name),
            (error: unknown) => {
              failures.push({ name: task.name, error });
              finish(task.name);
            },
          );
        }
      }
      if (running === 0) resolve();
    };
    const finish = (name: string) => {
      running--;
      for (const deps of waitingOn.values()) deps.delete(name);
      pump();
    };
    pump();
  });
  if (failures.length) throw new TasksFailed(failures);
}

function assertAcyclic(tasks: readonly GraphTask[], waitingOn: ReadonlyMap<string, ReadonlySet<string>>): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: string[]) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      throw new Error(`dependency cycle: ${[...path.slice(path.indexOf(name)), name].join(' -> ')}`);
    }
    state.set(name, 'visiting');
    for (const dep of waitingOn.get(name) ?? []) visit(dep, [...path, name]);
    state.set(name, 'done');
  };
  for (const t of tasks) visit(t.name, []);
}
