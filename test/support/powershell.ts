/** PowerShell scripts parsed by a real PowerShell grammar (tree-sitter-powershell). */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type Parser from 'tree-sitter';

// The grammar's own entry module uses top-level await, which stops mocha from loading test files
// that import it; its native binding is loaded here directly, the way that module does.
const require = createRequire(import.meta.url);
const TreeSitter = require('tree-sitter') as typeof Parser;
const loadBinding = require('node-gyp-build') as (root: string) => Parser.Language;
const PowerShell = loadBinding(dirname(require.resolve('tree-sitter-powershell/package.json')));
const parser = new TreeSitter();
parser.setLanguage(PowerShell);

/** Throws naming the line and text of every syntax error (ERROR or MISSING node) in `script`. */
export function assertPowerShellParses(script: string, where = 'script'): void {
  const tree = parser.parse(script);
  if (!tree.rootNode.hasError) return;
  const problems: string[] = [];
  const visit = (node: Parser.SyntaxNode) => {
    if (node.type === 'ERROR' || node.isMissing) {
      problems.push(`line ${node.startPosition.row + 1}: ${node.isMissing ? `missing ${node.type}` : JSON.stringify(node.text.slice(0, 80))}`);
    }
    for (const child of node.children) visit(child);
  };
  visit(tree.rootNode);
  throw new Error(`${where} does not parse as PowerShell:\n${problems.join('\n')}`);
}

/** The text of every string literal in `script`, quotes included, as the grammar delimits them. */
export function stringLiteralsIn(script: string): string[] {
  const literals: string[] = [];
  const visit = (node: Parser.SyntaxNode) => {
    if (node.type === 'string_literal') literals.push(node.text);
    else for (const child of node.children) visit(child);
  };
  visit(parser.parse(script).rootNode);
  return literals;
}
