/**
 * Which rows of the translator's table (src/compiler/translate/table.ts) the differential
 * fixtures use, found by reading the fixtures' TypeScript with the type checker. A row added
 * to the table without a fixture using it makes the coverage test fail.
 */
import path from 'node:path';
import { Node, Project, SyntaxKind, type Type } from 'ts-morph';
import type { Entry } from '../../../src/compiler/translate/context.js';
import { entryName } from '../../../src/compiler/translate/context.js';
import { repo } from './engines.js';

/** `kind:name` of a table entry, e.g. `method:string.trim`, `binary:??`. */
export const entryKey = (e: Entry): string => `${e.kind}:${entryName(e)}`;

type Family = 'string' | 'number' | 'boolean' | 'array' | 'date';

function familyOf(type: Type): Family | undefined {
  const t = type.getNonNullableType();
  if (t.isString() || t.isStringLiteral() || t.isTemplateLiteral()) return 'string';
  if (t.isNumber() || t.isNumberLiteral()) return 'number';
  if (t.isBoolean() || t.isBooleanLiteral()) return 'boolean';
  if (t.isArray() || t.isReadonlyArray?.() || t.isTuple()) return 'array';
  if (t.getSymbol()?.getName() === 'Date') return 'date';
  if (t.isUnion()) return familyOf(t.getUnionTypes()[0]!);
  return undefined;
}

const TRANSFORM_KEYS = new Set(['key', 'partitionBy']);
const ORDER_KEYS = new Set(['order', 'orderBy']);

/** The table keys used by the lambdas and helpers in `files` (absolute paths). */
export function coveredKeys(files: readonly string[]): Set<string> {
  const project = new Project({
    tsConfigFilePath: path.join(repo, 'tsconfig.json'),
    skipAddingFilesFromTsConfig: true,
    compilerOptions: { types: [], noEmit: true, skipLibCheck: true },
  });
  for (const file of files) project.addSourceFileAtPath(file);
  project.resolveSourceFileDependencies();
  const keys = new Set<string>();
  const add = (key: string) => keys.add(key);

  for (const file of files.map((f) => project.getSourceFileOrThrow(f))) {
    file.forEachDescendant((node) => {
      add(`syntax:${node.getKind()}`);
      if (Node.isBinaryExpression(node)) add(`binary:${node.getOperatorToken().getText()}`);
      if (Node.isPrefixUnaryExpression(node)) add(`prefix:${node.getText()[0]}`);
      if (Node.isNewExpression(node)) add(`function:new ${node.getExpression().getText()}`);
      if (Node.isStatement(node) && node.getParent()?.getKind() === SyntaxKind.Block) add(`statement:${node.getKind()}`);
      if (Node.isPropertyAccessExpression(node)) {
        const name = node.getName();
        const receiver = node.getExpression();
        add(`constant:${node.getText()}`);
        const parent = node.getParent();
        const called = Node.isCallExpression(parent) && parent.getExpression() === node;
        const family = familyOf(receiver.getType());
        if (called && Node.isRegularExpressionLiteral(receiver)) add(`regex:${name}`);
        else if (called && family) add(`method:${family}.${name}`);
        else if (!called && family) add(`property:${family}.${name}`);
        const declaration = node.getSymbol()?.getDeclarations()[0];
        if (declaration && Node.isEnumMember(declaration)) add('binding:enum');
      }
      if (Node.isCallExpression(node)) {
        const callee = node.getExpression();
        add(`function:${callee.getText()}`);
        const declaration = Node.isIdentifier(callee) ? declarationOf(callee) : undefined;
        if (declaration && (Node.isFunctionDeclaration(declaration) || Node.isVariableDeclaration(declaration))) add('binding:helper');
      }
      if (Node.isIdentifier(node)) {
        const declaration = declarationOf(node);
        if (
          declaration &&
          Node.isVariableDeclaration(declaration) &&
          declaration.getSourceFile() !== file &&
          !Node.isArrowFunction(declaration.getInitializer())
        ) add('binding:const');
      }
      if (Node.isArrowFunction(node)) forms(node, add);
    });
  }
  return keys;
}

/** Where a name is declared, through imports. */
function declarationOf(node: Node): Node | undefined {
  const symbol = node.getSymbol();
  return (symbol?.getAliasedSymbol() ?? symbol)?.getDeclarations()[0];
}

/** The lambda forms of table rows of kind `form`. */
function forms(fn: Node & { getParameters(): Node[]; getBody(): Node }, add: (key: string) => void): void {
  const [first] = fn.getParameters();
  const name = first && Node.isParameterDeclaration(first) ? first.getNameNode() : undefined;
  if (name && Node.isIdentifier(name)) add('form:row-param');
  if (name && Node.isObjectBindingPattern(name)) add('form:destructure');
  const body = fn.getBody();
  if (Node.isBlock(body)) add('form:block-body');
  const returned = Node.isParenthesizedExpression(body) ? body.getExpression() : body;
  const call = fn.getParent();
  const method = Node.isCallExpression(call) && Node.isPropertyAccessExpression(call.getExpression()) ? call.getExpression().getText().split('.').pop() : undefined;
  const property = Node.isPropertyAssignment(call) ? call.getName() : undefined;
  if (method === 'map' && Node.isObjectLiteralExpression(returned)) add('form:map-row');
  if (method === 'groupBy' || (property && TRANSFORM_KEYS.has(property))) add('form:key');
  if (property && ORDER_KEYS.has(property)) add('form:ordering');
  if (method === 'flatMap' && Node.isCallExpression(returned)) add('form:flatmap-map');
  if (method === 'flatMap' && Node.isArrayLiteralExpression(returned)) add('form:flatmap-array');
}
