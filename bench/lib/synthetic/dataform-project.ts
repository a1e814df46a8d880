/**
 * Renders a synthetic project as a Dataform 3.x project: one SQLX file per model with
 * `${ref(...)}` to its parents and one declaration per source.
 *
 * `@dataform/core` is pinned in the project's package.json and copied from the benchmark's
 * own Dataform install into the project's `node_modules`, so `dataform compile` runs
 * offline. (A symlink does not work: Dataform's vm2 sandbox refuses modules whose real path
 * lies outside the project.) workflow_settings.yaml deliberately has no `dataformCoreVersion`: with it,
 * the CLI would run `npm install` into a temporary copy of the project on every compile.
 */
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { recipes } from './recipes.js';
import type { SyntheticModel, SyntheticProject } from './spec.js';

export interface DataformProjectOptions {
  /** The exact `@dataform/core` version to pin. */
  readonly coreVersion: string;
  /** A node_modules folder holding that `@dataform/core` (it has no dependencies of its own). */
  readonly nodeModules: string;
}

/** Writes the project under `root`, replacing it. */
export async function writeDataformProject(project: SyntheticProject, root: string, options: DataformProjectOptions): Promise<void> {
  const definitions = path.join(root, 'definitions');
  await rm(root, { recursive: true, force: true });
  await mkdir(path.join(definitions, 'sources'), { recursive: true });

  const packageJson = { name: `bench-dataform-${project.size}`, private: true, dependencies: { '@dataform/core': options.coreVersion } };
  await writeFile(path.join(root, 'package.json'), JSON.stringify(packageJson, null, 2) + '\n');
  await writeFile(
    path.join(root, 'workflow_settings.yaml'),
    'defaultProject: bench-project\ndefaultLocation: EU\ndefaultDataset: analytics\ndefaultAssertionDataset: assertions\n',
  );
  await cp(path.join(options.nodeModules, '@dataform', 'core'), path.join(root, 'node_modules', '@dataform', 'core'), { recursive: true });

  await Promise.all([
    ...project.sources.map((name) => writeFile(path.join(definitions, 'sources', `${name}.sqlx`), declaration(name))),
    ...project.models.map((model) => writeFile(path.join(definitions, `${model.name}.sqlx`), modelSqlx(model))),
  ]);
}

function declaration(name: string): string {
  return `config {
  type: "declaration",
  schema: "raw",
  name: "${name}",
  description: "Order export ${name}, one row per order version"
}
`;
}

function modelSqlx(model: SyntheticModel): string {
  const refs = model.inputs.map((input) => `\${ref("${input.name}")}`);
  return `config {
  type: "${model.materialize}"
}

${recipes[model.recipe].sql(refs, model.params)}
`;
}
