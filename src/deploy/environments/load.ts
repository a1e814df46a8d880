/**
 * Reads and validates `environments/<name>.yaml`. Every problem is reported at the YAML node
 * that caused it (`file:line:col`), with the key path and what was expected.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import type { CallSite } from '../../sdk/callsite.js';
import { formatCallSite } from '../../sdk/callsite.js';
import { SluiceError } from '../../sdk/errors.js';
import { environmentSchema, type Environment } from './schema.js';

/** An environment plus the file it came from. */
export type LoadedEnvironment = Environment & { readonly file: string };

/** The folder, relative to the project root, holding environment files. */
export const ENVIRONMENTS_DIR = 'environments';

interface Problem {
  readonly site: CallSite;
  readonly message: string;
}

/**
 * Loads `environments/<name>.yaml` under `root`. Throws a SluiceError naming the file,
 * line and column of the first problem (and listing the others) if the file is invalid.
 */
export async function loadEnvironment(root: string, name: string): Promise<LoadedEnvironment> {
  const file = path.join(root, ENVIRONMENTS_DIR, `${name}.yaml`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    const known = await listEnvironments(root);
    throw new SluiceError(
      `environment '${name}' not found: there is no ${path.relative(process.cwd(), file) || file}`,
      undefined,
      known.length ? `known environments: ${known.join(', ')}` : `create ${ENVIRONMENTS_DIR}/${name}.yaml (see docs/environments.md)`,
    );
  }
  const env = parseEnvironment(text, file);
  if (env.name !== name) {
    throw new SluiceError(`environment file ${name}.yaml declares name '${env.name}'`, siteOf(file, text, ['name']), `rename the file or set name: ${name}`);
  }
  return env;
}

/**
 * The environment `sluice run` uses when a project has no `environments/local.yaml`:
 * DuckDB at `.sluice/local.duckdb`, sources from `.sluice/data`.
 */
export function builtinLocalEnvironment(root: string): LoadedEnvironment {
  return {
    ...environmentSchema.parse({ name: 'local', warehouse: { type: 'duckdb', path: '.sluice/local.duckdb', sourcesDir: '.sluice/data' } }),
    file: path.join(root, ENVIRONMENTS_DIR, 'local.yaml'),
  };
}

/** Names of the environments defined under `root` (file names without `.yaml`), sorted. */
export async function listEnvironments(root: string): Promise<string[]> {
  try {
    const entries = await readdir(path.join(root, ENVIRONMENTS_DIR));
    return entries.filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -'.yaml'.length)).sort();
  } catch {
    return [];
  }
}

/** Parses and validates one environment file's text; `file` is used in error messages. */
export function parseEnvironment(text: string, file: string): LoadedEnvironment {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): CallSite => {
    const pos = lineCounter.linePos(offset);
    return { file, line: pos.line, column: pos.col };
  };
  if (doc.errors.length) {
    throw toError(doc.errors.map((e) => ({ site: at(e.pos[0]), message: `invalid YAML: ${e.message.split('\n')[0]}` })));
  }
  const result = environmentSchema.safeParse(doc.toJS());
  if (!result.success) throw toError(result.error.issues.map((issue) => describeIssue(issue, doc, at)));
  return { ...result.data, file };
}

function toError(problems: readonly Problem[]): SluiceError {
  const [first, ...rest] = problems;
  const more = rest.map((p) => `\n${formatCallSite(p.site)}: ${p.message}`).join('');
  return new SluiceError(`${first!.message}${more}`, first!.site, 'see docs/environments.md for the environment file format');
}

type Path = readonly PropertyKey[];

function describeIssue(issue: z.core.$ZodIssue, doc: Document, at: (offset: number) => CallSite): Problem {
  const keyPath = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    const site = at(keyNode(doc, keyPath, key)?.range?.[0] ?? nodeOffset(doc, keyPath));
    const where = keyPath.length ? ` in ${dotted(keyPath)}` : '';
    return { site, message: `unknown key '${issue.keys.join("', '")}'${where}` };
  }
  const present = keyPath.length === 0 || doc.hasIn(keyPath);
  if (!present) {
    // Point at the nearest enclosing node that exists: the object missing the key.
    let parent = keyPath.slice(0, -1);
    while (parent.length && !doc.hasIn(parent)) parent = parent.slice(0, -1);
    const message = `missing required key '${dotted(keyPath)}'${expectation(issue) ? `: expected ${expectation(issue)}` : ''}`;
    return { site: at(nodeOffset(doc, parent)), message };
  }
  const node = doc.getIn(keyPath, true) as Node | undefined;
  const got = isScalar(node) ? `, got ${JSON.stringify(node.value)}` : '';
  return { site: at(nodeOffset(doc, keyPath)), message: `${dotted(keyPath) || '(top level)'}: expected ${expectation(issue)}${got}` };
}

/** What the schema wanted, in words: our custom messages, or zod's type expectation. */
function expectation(issue: z.core.$ZodIssue): string {
  if (!/^(Invalid|Too small|Too big|Unrecognized)/.test(issue.message)) return issue.message;
  if (issue.code === 'invalid_type') return issue.expected === 'int' ? 'an integer' : `a value of type ${issue.expected}`;
  if (issue.code === 'invalid_value') return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (issue.code === 'too_small' && issue.origin === 'string') return 'a non-empty string';
  if (issue.code === 'too_small') return `a value >= ${String(issue.minimum)}`;
  return issue.message;
}

function dotted(keyPath: Path): string {
  return keyPath.map((k) => (typeof k === 'number' ? `[${k}]` : String(k))).join('.').replace(/\.\[/g, '[');
}

function nodeOffset(doc: Document, keyPath: Path): number {
  const node = (keyPath.length ? doc.getIn(keyPath, true) : doc.contents) as Node | undefined;
  return node?.range?.[0] ?? 0;
}

function keyNode(doc: Document, mapPath: Path, key: string): Node | undefined {
  const map = mapPath.length ? doc.getIn(mapPath, true) : doc.contents;
  if (!isMap(map)) return undefined;
  const pair = map.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
  return pair && isScalar(pair.key) ? pair.key : undefined;
}

/** The site of the value at `keyPath` in an already validated file (for follow-up checks). */
function siteOf(file: string, text: string, keyPath: Path): CallSite {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const pos = lineCounter.linePos(nodeOffset(doc, keyPath));
  return { file, line: pos.line, column: pos.col };
}
