import { expect } from 'chai';
import { Node, Project } from 'ts-morph';
import { loadPipelines } from '../../../src/compiler/load.js';
import { findLambda } from '../../../src/compiler/translate/locate.js';
import { syntacticNullishness, type NullnessEnv } from '../../../src/compiler/translate/nullness.js';
import { columnsNeverUndefined } from '../../../src/compiler/translate/undefined-free.js';

const project = new Project({ useInMemoryFileSystem: true });
let n = 0;

/** The nullishness of the last line of `text`, an expression, after the module code above it. */
function of(text: string): ReturnType<typeof syntacticNullishness> {
  const sf = project.createSourceFile(`/h${n++}.ts`, `export {};\n${text};`);
  const last = sf.getStatements().at(-1)!;
  if (!Node.isExpressionStatement(last)) throw new Error('the last line must be an expression');
  return syntacticNullishness(last.getExpression(), env);
}

/** `r` is a row whose `email` is nullable and `id` is not; `x` is some other value. */
const env: NullnessEnv = {
  name: (name) => (name === 'r' ? { kind: 'row' } : name === 'x' ? { kind: 'other' } : undefined),
  field: (row, field) => (row === 'r' ? { null: field === 'email', undefined: false } : undefined),
};

describe('translator: nullishness through project helpers and consts', () => {
  it('reads a helper’s returned expressions with its parameters bound to the arguments', () => {
    expect(of('function norm(s: string | null) { return s?.trim() ?? null; }\nnorm(r.email)')).to.deep.equal({ null: true, undefined: false });
    expect(of('const same = (v: string) => v;\nsame(r.id)')).to.deep.equal({ null: false, undefined: false });
    expect(of('const same = (v: string) => v;\nsame(x)')).to.equal(undefined);
  });

  it('follows block bodies of consts, ifs and returns, and a row passed whole', () => {
    const helper = "function clean(o: { email: string | null }) {\n  const e = o.email?.trim() ?? '';\n  if (e === '') return null;\n  return e;\n}";
    expect(of(`${helper}\nclean(r)`)).to.deep.equal({ null: true, undefined: false });
  });

  it('gives no answer for helpers that may end without returning, recurse, or loop', () => {
    expect(of("function f(s: string) { if (s === '') return s; }\nf(r.id)")).to.equal(undefined);
    expect(of('function f(s: string): string { return f(s); }\nf(r.id)')).to.equal(undefined);
    expect(of('function f(s: string) { for (const c of s) return c; return s; }\nf(r.id)')).to.equal(undefined);
  });

  it('reads module consts, and members of const arrays', () => {
    expect(of('const LIMIT = 5;\nLIMIT')).to.deep.equal({ null: false, undefined: false });
    expect(of("const EURO = ['NL', 'BE'];\nEURO.includes(r.id)")).to.deep.equal({ null: false, undefined: false });
    expect(of('let later = 5;\nlater')).to.equal(undefined);
  });
});

describe('translator: proof that no column is undefined, through helpers', () => {
  const disk = new Project({ skipAddingFilesFromTsConfig: true });
  const lambdaOf = (ref: Parameters<typeof findLambda>[1]) => findLambda(disk.getSourceFile(ref.site.file) ?? disk.addSourceFileAtPath(ref.site.file), ref);

  it('holds for examples/shop, whose maps call normalizeEmail and flatMap array elements', async () => {
    const shop = await loadPipelines(new URL('../../../examples/shop/pipelines', import.meta.url).pathname);
    expect(shop.pipelines.map((p) => p.name)).to.include.members(['customers', 'orders']);
    expect(columnsNeverUndefined(shop.pipelines, lambdaOf)).to.equal(true);
  });

  // Casts (`null as string | null`), helpers returning whole rows (activeRow) and fields of
  // array elements (`r.keys.map((k) => ({ key_type: k.key_type }))`): without the proof, every
  // compile of the project builds the type checker (seconds).
  it('holds for the flagship pipelines/ (casts, helpers returning rows, fields of array elements)', async () => {
    const flagship = await loadPipelines(new URL('../../../pipelines', import.meta.url).pathname);
    expect(flagship.pipelines.length).to.be.greaterThan(3);
    expect(columnsNeverUndefined(flagship.pipelines, lambdaOf)).to.equal(true);
  }).timeout(20_000);
});
