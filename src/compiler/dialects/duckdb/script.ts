/**
 * A program as readable DuckDB text for `target/`: the statements the runner executes, with
 * each loop shown as comments (DuckDB has no scripting; the runner drives the loops).
 */
import type { Program, Step } from '../../ir/program.js';

function indent(text: string, depth: number): string {
  const pad = '  '.repeat(depth);
  return text
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join('\n');
}

function render(steps: readonly Step[], depth: number): string[] {
  return steps.flatMap((step) => {
    switch (step.kind) {
      case 'exec':
        return [indent(`${step.sql};`, depth)];
      case 'assert':
        return [indent(`-- assert: ${step.condition.replace(/\s+/g, ' ')} (else: ${step.message})`, depth)];
      case 'loop':
        return [
          indent(`-- loop ${step.name}: while ${step.condition.replace(/\s+/g, ' ')} (at most ${step.maxIterations} iterations)`, depth),
          ...render(step.body, depth + 1),
          indent(`-- end loop ${step.name}`, depth),
        ];
    }
  });
}

export function duckdbScript(program: Program): string {
  return render(program.steps, 0).join('\n') + '\n';
}
