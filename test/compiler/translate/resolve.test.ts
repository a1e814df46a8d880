import { expect } from 'chai';
import { Node, Project, SyntaxKind, type SourceFile } from 'ts-morph';
import { GLOBAL, resolveIdentifier } from '../../../src/compiler/translate/resolve.js';

/** An in-memory project of modules under /p. */
function project(files: Record<string, string>): Project {
  const p = new Project({ useInMemoryFileSystem: true, compilerOptions: { strict: true } });
  for (const [name, text] of Object.entries(files)) p.createSourceFile(`/p/${name}`, text);
  return p;
}

/** The `nth` identifier named `name` in `sf`. */
function use(sf: SourceFile, name: string, nth = 0): Node {
  const ids = sf.getDescendantsOfKind(SyntaxKind.Identifier).filter((i) => i.getText() === name);
  return ids[nth]!;
}

const declText = (n: Node | typeof GLOBAL | undefined) => (n === GLOBAL ? 'GLOBAL' : n === undefined ? 'UNKNOWN' : n.getText());

describe('translate: syntactic name resolution', () => {
  it('finds parameters, destructured names and block consts by scope, innermost first', () => {
    const p = project({ 'a.ts': 'export const x = 1;\nexport const f = (r: { n: number }, { m }: { m: number }) => { const x = 2; return x + r.n + m; };' });
    const sf = p.getSourceFileOrThrow('/p/a.ts');
    expect(declText(resolveIdentifier(use(sf, 'x', 1)))).to.equal('x = 2');
    expect(resolveIdentifier(use(sf, 'r', 1))).to.satisfy((d: Node) => Node.isParameterDeclaration(d));
    expect(resolveIdentifier(use(sf, 'm', 1))).to.satisfy((d: Node) => Node.isBindingElement(d));
  });

  it('follows imports, renamed re-exports and export * to the declaring file', () => {
    const p = project({
      'a.ts': "import { LIMIT, twice } from './b.js';\nexport const f = (n: number) => twice(n) + LIMIT;",
      'b.ts': "export { MAX as LIMIT } from './c.js';\nexport * from './d.js';",
      'c.ts': 'export const MAX = 10;',
      'd.ts': 'export function twice(n: number) { return n * 2; }',
    });
    const sf = p.getSourceFileOrThrow('/p/a.ts');
    const limit = resolveIdentifier(use(sf, 'LIMIT', 1)) as Node;
    expect(limit.getText()).to.equal('MAX = 10');
    expect(limit.getSourceFile().getFilePath()).to.equal('/p/c.ts');
    const twice = resolveIdentifier(use(sf, 'twice', 1)) as Node;
    expect(Node.isFunctionDeclaration(twice) && twice.getName()).to.equal('twice');
  });

  it('gives the module of a namespace re-export (`export * as time`)', () => {
    const p = project({
      'a.ts': "import { time } from './sdk.js';\nexport const f = (d: Date) => time.year(d);",
      'sdk.ts': "export * as time from './time.js';",
      'time.ts': 'export function year(d: Date) { return d.getFullYear(); }',
    });
    const resolved = resolveIdentifier(use(p.getSourceFileOrThrow('/p/a.ts'), 'time', 1)) as Node;
    expect(Node.isSourceFile(resolved) && resolved.getFilePath()).to.equal('/p/time.ts');
  });

  it('knows unshadowed JS globals, and leaves shadowed or unknown names to the checker', () => {
    const p = project({ 'a.ts': 'const Number = (x: unknown) => 0;\nexport const f = (n: string) => Math.abs(Number(n)) + mystery;' });
    const sf = p.getSourceFileOrThrow('/p/a.ts');
    expect(resolveIdentifier(use(sf, 'Math'))).to.equal(GLOBAL);
    expect(declText(resolveIdentifier(use(sf, 'Number', 1)))).to.equal('Number = (x: unknown) => 0');
    expect(resolveIdentifier(use(sf, 'mystery'))).to.equal(undefined);
  });

  it('leaves default imports and script files (shared globals) to the checker', () => {
    const p = project({
      'a.ts': "import helper from './b.js';\nexport const f = (n: number) => helper(n);",
      'b.ts': 'export default function helper(n: number) { return n; }',
      'script.ts': 'const g = (n: number) => Math.abs(n);',
    });
    expect(resolveIdentifier(use(p.getSourceFileOrThrow('/p/a.ts'), 'helper', 1))).to.equal(undefined);
    expect(resolveIdentifier(use(p.getSourceFileOrThrow('/p/script.ts'), 'Math'))).to.equal(undefined);
  });
});
