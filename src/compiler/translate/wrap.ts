/**
 * ts-morph's wrapper of a raw compiler node. Walking raw compiler nodes and wrapping only the
 * node found is much cheaper than ts-morph's own walks, which wrap every node they pass.
 */
import { ts, type Node, type SourceFile } from 'ts-morph';

/** The (cached, so identical) ts-morph wrapper of `node`, a node of `sf`. */
export function wrap(sf: SourceFile, node: ts.Node): Node {
  if (node.kind === ts.SyntaxKind.SourceFile) return sf;
  // Not in ts-morph's typings, but the method its own walks use; it keeps one wrapper per node.
  return (sf as unknown as { _getNodeFromCompilerNode(n: ts.Node): Node })._getNodeFromCompilerNode(node);
}
