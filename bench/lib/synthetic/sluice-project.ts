/**
 * Renders a synthetic project as a Sluice project, written exactly as a user would:
 * `pipelines/sources.ts` declares the sources with `source(...)`, and each model is one
 * pipeline module that imports its parents' modules and reads their typed outputs.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { rawSchema, recipes } from './recipes.js';
import type { SyntheticModel, SyntheticProject } from './spec.js';

/** Writes the project under `root` (replacing it) and returns the pipelines folder. */
export async function writeSluiceProject(project: SyntheticProject, root: string, sdkIndex: string): Promise<string> {
  const pipelinesDir = path.join(root, 'pipelines');
  await rm(root, { recursive: true, force: true });
  await mkdir(pipelinesDir, { recursive: true });
  const sdk = importPath(pipelinesDir, sdkIndex);

  await writeFile(path.join(root, 'package.json'), JSON.stringify({ name: `bench-sluice-${project.size}`, private: true, type: 'module' }, null, 2) + '\n');
  await writeFile(path.join(root, 'tsconfig.json'), tsconfig());
  await writeFile(path.join(pipelinesDir, 'sources.ts'), sourcesModule(project.sources, sdk));
  await Promise.all(project.models.map((model) => writeFile(path.join(pipelinesDir, `${model.name}.ts`), modelModule(model, sdk))));
  return pipelinesDir;
}

/** A relative ESM import specifier from `fromDir` to the `.ts` file `target` (as `.js`). */
function importPath(fromDir: string, target: string): string {
  const rel = path.relative(fromDir, target).split(path.sep).join('/').replace(/\.ts$/, '.js');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

function tsconfig(): string {
  const compilerOptions = {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    lib: ['ES2023'],
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  };
  return JSON.stringify({ compilerOptions, include: ['pipelines'] }, null, 2) + '\n';
}

function sourcesModule(sources: readonly string[], sdk: string): string {
  const columns = rawSchema.map(([name, builder]) => `  ${name}: ${builder},`).join('\n');
  const declarations = sources.map(
    (name) => `export const ${name} = source('${name}', orderColumns, { description: 'Order export ${name}, one row per order version' });`,
  );
  return `import { source, t } from '${sdk}';

/** Every order export has the same columns. */
const orderColumns = {
${columns}
};

${declarations.join('\n')}
`;
}

function modelModule(model: SyntheticModel, sdk: string): string {
  const imports = [`import { pipeline } from '${sdk}';`];
  const sourceNames = model.inputs.filter((i) => i.kind === 'source').map((i) => i.name);
  if (sourceNames.length) imports.push(`import { ${sourceNames.join(', ')} } from './sources.js';`);
  const reads = model.inputs.map((input, n) => {
    if (input.kind === 'source') return `  const in${n} = p.read(${input.name});`;
    imports.push(`import ${input.name} from './${input.name}.js';`);
    return `  const in${n} = p.read(${input.name}.outputs.${input.name});`;
  });
  const chain = recipes[model.recipe].sluice(
    model.inputs.map((_, n) => `in${n}`),
    model.params,
  );
  return `${imports.join('\n')}

export default pipeline('${model.name}', (p) => {
${reads.join('\n')}
${chain}
  return { ${model.name}: p.write(out, { name: '${model.name}', materialize: '${model.materialize}' }) };
});
`;
}
