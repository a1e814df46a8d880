import { expect } from 'chai';
import { Node, Project } from 'ts-morph';
import { createTranslator } from '../../../src/compiler/translate/index.js';
import { syntacticNullishness, type NullnessEnv } from '../../../src/compiler/translate/nullness.js';
import { columnsNeverUndefined } from '../../../src/compiler/translate/undefined-free.js';
import { findLambda } from '../../../src/compiler/translate/locate.js';
import { checked, clean, leaky } from '../../fixtures/translate/nullness.js';
import { people } from '../../fixtures/translate/schema.js';
import { markers, rowOf, show, sluiceError } from './harness.js';

const project = new Project({ useInMemoryFileSystem: true });
let n = 0;
/** The expression `text`, parsed on its own. */
function expr(text: string): Node {
  const sf = project.createSourceFile(`e${n++}.ts`, `(${text});`);
  return sf.getStatements()[0]!.getChildAtIndex(0);
}

/** `r` is a row whose `email` is nullable and `id` is not; `e` is a nullable column; `x` is some other value. */
const env: NullnessEnv = {
  name: (name) =>
    name === 'r' ? { kind: 'row' } : name === 'e' ? { kind: 'column', nullishness: { null: true, undefined: false } } : name === 'x' ? { kind: 'other' } : undefined,
  field: (row, field) => (row === 'r' ? { null: field === 'email', undefined: false } : undefined),
};
const of = (text: string) => syntacticNullishness(expr(text), env);

describe('translator: nullishness from syntax', () => {
  it('reads row columns and bound columns from their SQL nullability', () => {
    expect(of('r.email')).to.deep.equal({ null: true, undefined: false });
    expect(of('r.id')).to.deep.equal({ null: false, undefined: false });
    expect(of('e')).to.deep.equal({ null: true, undefined: false });
  });

  it('types a ?. chain over a nullable value as possibly undefined, not null', () => {
    expect(of('r.email?.trim().toLowerCase()')).to.deep.equal({ null: false, undefined: true });
    expect(of('e?.trim()')).to.deep.equal({ null: false, undefined: true });
    expect(of('r.id?.trim()')).to.deep.equal({ null: false, undefined: false });
  });

  it('follows ??, ?: and literals', () => {
    expect(of('r.email?.trim() ?? null')).to.deep.equal({ null: true, undefined: false });
    expect(of("r.email ?? 'none'")).to.deep.equal({ null: false, undefined: false });
    expect(of("r.id === 'a' ? null : undefined")).to.deep.equal({ null: true, undefined: true });
    expect(of('Math.round(r.n * 2)')).to.deep.equal({ null: false, undefined: false });
  });

  it('leaves to the checker what the syntax cannot tell', () => {
    expect(of('x')).to.equal(undefined);
    expect(of('helper(r.email)')).to.equal(undefined);
    expect(of('r.tags[0]')).to.equal(undefined);
    expect(of('r.email?.at(0)')).to.equal(undefined);
    expect(of('r.email as string | undefined')).to.equal(undefined);
  });
});

describe('translator: proof that no column is undefined', () => {
  const translator = createTranslator({ tsconfig: new URL('../../../tsconfig.json', import.meta.url).pathname });
  const disk = new Project({ skipAddingFilesFromTsConfig: true });
  const lambdaOf = (ref: Parameters<typeof findLambda>[1]) => findLambda(disk.getSourceFile(ref.site.file) ?? disk.addSourceFileAtPath(ref.site.file), ref);

  it('holds when every produced column is null-coalesced, a column or a literal', () => {
    expect(columnsNeverUndefined([clean], lambdaOf)).to.equal(true);
  });

  it('fails when a map may produce undefined', () => {
    expect(columnsNeverUndefined([clean, leaky], lambdaOf)).to.equal(false);
  });

  it('lets the translator decide null checks on columns with the proof, and still refuse === null on a ?. chain', () => {
    const withProof = createTranslator({ tsconfig: new URL('../../../tsconfig.json', import.meta.url).pathname, pipelines: [clean, checked] });
    const at = markers(checked, new URL('../../fixtures/translate/nullness.ts', import.meta.url).href);
    expect(show(withProof.scalar(at('is-null'), [rowOf(people)]))).to.equal('is_not_null($email)');
    expect(sluiceError(() => withProof.scalar(at('chain-null'), [rowOf(people)])).problem).to.match(/may be undefined as well as null/);
    // Without the pipelines the checker answers, with the same results.
    expect(show(translator.scalar(at('is-null'), [rowOf(people)]))).to.equal('is_not_null($email)');
  });
});
