/**
 * Imports a project's pipeline modules in one go: esbuild bundles the project's own files
 * into a single ES module, which is imported once. Importing a thousand modules one by one
 * through tsx costs seconds of loader-thread round trips; one bundle costs one.
 *
 * What stays outside the bundle, imported by absolute URL as before: Sluice's own sources
 * (so `instanceof Pipeline` and the SDK's call-site capture see the one SDK module), files
 * outside the project, and packages. The bundle carries an inline source map whose sources
 * are the original .ts files, so call sites (`new Error().stack`) still name them.
 */
import { build, type BuildFailure, type Message, type Plugin } from 'esbuild';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SluiceError } from '../sdk/errors.js';

/** Sluice's own sources: never bundled, so the SDK exists once in the process. */
const sluiceSources = fileURLToPath(new URL('../', import.meta.url));

const inside = (dir: string, file: string) => {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
};

let counter = 0;

/**
 * Bundles and imports `files` (absolute paths of modules under `root`), returning each one's
 * exports in the order given. Returns undefined when the modules cannot be bundled faithfully
 * (they read `import.meta`, whose URL would be the bundle's), so the caller imports them one
 * by one. Syntax errors surface as a SluiceError at the offending position.
 */
export async function importBundled(files: readonly string[], root: string): Promise<Record<string, unknown>[] | undefined> {
  const outDir = path.join(root, '.sluice');
  const outFile = path.join(outDir, `pipelines-${process.pid}-${counter++}.mjs`);
  const code = await bundle(files, root, outFile);
  if (code === undefined) return undefined;
  await mkdir(outDir, { recursive: true });
  await writeFile(outFile, code);
  try {
    const bundled = (await import(pathToFileURL(outFile).href)) as Record<string, Record<string, unknown>>;
    return files.map((_, i) => bundled[`m${i}`]!);
  } finally {
    // The module and its source map are in memory now; the file is no longer needed.
    await rm(outFile, { force: true });
  }
}

/** The bundle's code with an inline source map into the original files, or undefined. */
async function bundle(files: readonly string[], root: string, outFile: string): Promise<string | undefined> {
  // Paths relative to the root where possible: absolute ones would each be a round trip
  // through the externals plugin's JavaScript callback.
  const specifier = (file: string) => (inside(root, file) ? `./${path.relative(root, file).split(path.sep).join('/')}` : file);
  const entry = files.map((file, i) => `export * as m${i} from ${JSON.stringify(specifier(file))};`).join('\n');
  let result;
  try {
    result = await build({
      stdin: { contents: entry, resolveDir: root, sourcefile: 'sluice-pipelines-entry.ts', loader: 'ts' },
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: `node${process.versions.node}`,
      // Packages resolve from the bundle's folder inside the project, as from the project.
      packages: 'external',
      sourcemap: 'external',
      sourcesContent: false,
      outfile: outFile,
      write: false,
      logLevel: 'silent',
      plugins: [externals(root)],
    });
  } catch (error) {
    const first = (error as Partial<BuildFailure>).errors?.[0];
    if (first) throw buildError(first, root);
    throw error;
  }
  const js = result.outputFiles.find((f) => f.path.endsWith('.mjs'))!.text;
  const map = JSON.parse(result.outputFiles.find((f) => f.path.endsWith('.map'))!.text) as { sources: string[] };
  if (/\bimport\.meta\b/.test(js)) return undefined;
  map.sources = map.sources.map((s) => pathToFileURL(path.resolve(path.dirname(outFile), s)).href);
  const inlineMap = Buffer.from(JSON.stringify(map)).toString('base64');
  return `${js.replace(/\/\/# sourceMappingURL=\S*\s*$/, '')}\n//# sourceMappingURL=data:application/json;base64,${inlineMap}\n`;
}

/**
 * Keeps Sluice's sources and files outside the project out of the bundle, as imports of their
 * absolute file URLs (esbuild's own resolution finds them: `.js` → `.ts`, package `imports`).
 */
function externals(root: string): Plugin {
  return {
    name: 'sluice-externals',
    setup(b) {
      const cache = new Map<string, Promise<{ path: string; external: true } | { errors: Message[] } | undefined>>();
      // `./x` from a bundled file stays inside the project: only `../`, absolute and `#` paths can leave it.
      b.onResolve({ filter: /^(\.\.\/|\/|#)/ }, (args) => {
        if (args.pluginData === 'sluice-externals') return undefined;
        if (!args.path.startsWith('#')) {
          const target = path.resolve(args.resolveDir, args.path);
          if (inside(root, target) && !inside(sluiceSources, target) && !target.split(path.sep).includes('node_modules')) return undefined;
        }
        const key = `${args.resolveDir}\0${args.path}`;
        let resolved = cache.get(key);
        if (!resolved) {
          resolved = b
            .resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'sluice-externals' })
            .then((r) => {
              if (r.errors.length > 0) return { errors: r.errors };
              if (r.external || (inside(root, r.path) && !inside(sluiceSources, r.path))) return undefined;
              return { path: pathToFileURL(r.path).href, external: true as const };
            });
          cache.set(key, resolved);
        }
        return resolved;
      });
    },
  };
}

function buildError(message: Message, root: string): SluiceError {
  const loc = message.location;
  if (!loc) return new SluiceError(message.text);
  return new SluiceError(message.text, { file: path.resolve(root, loc.file), line: loc.line, column: loc.column + 1 });
}
