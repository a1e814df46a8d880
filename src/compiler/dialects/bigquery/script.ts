/**
 * Renders a {@link Program} as one BigQuery multi-statement script: a counter variable per
 * loop (DECLAREd up front, as GoogleSQL requires), `LOOP ... END LOOP` with
 * `IF NOT COALESCE(condition, FALSE) THEN BREAK` (only TRUE goes on) and a `RAISE` at the iteration cap; assertions become `ASSERT`.
 */
import { capMessage, loopsOf, type LoopStep, type Program, type Quoting, type Step } from '../../ir/program.js';

const counter = (step: LoopStep) => `${step.name}_iteration`;

function indent(text: string, depth: number): string {
  const pad = '  '.repeat(depth);
  return text
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join('\n');
}

function render(steps: readonly Step[], q: Quoting, depth: number): string[] {
  return steps.flatMap((step) => {
    if (step.kind === 'exec') return [indent(`${step.sql};`, depth)];
    if (step.kind === 'assert') return [indent(`ASSERT (${step.condition}) AS ${q.stringLiteral(step.message)};`, depth)];
    const n = counter(step);
    return [
      indent(`SET ${n} = 0;`, depth),
      indent('LOOP', depth),
      // A NULL condition ends the loop, as in the DuckDB driver (only TRUE goes on).
      indent(`IF NOT COALESCE((${step.condition}), FALSE) THEN\n  BREAK;\nEND IF;`, depth + 1),
      indent(`IF ${n} >= ${step.maxIterations} THEN\n  RAISE USING MESSAGE = ${q.stringLiteral(capMessage(step))};\nEND IF;`, depth + 1),
      indent(`SET ${n} = ${n} + 1;`, depth + 1),
      ...render(step.body, q, depth + 1),
      indent('END LOOP;', depth),
    ];
  });
}

/** The BigQuery script text of `program` (GoogleSQL scripting). */
export function bigqueryScript(program: Program, q: Quoting): string {
  const names = [...new Set(loopsOf(program.steps).map(counter))];
  const declares = names.map((n) => `DECLARE ${n} INT64 DEFAULT 0;`);
  return [...declares, ...render(program.steps, q, 0)].join('\n') + '\n';
}
