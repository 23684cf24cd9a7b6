/**
 * Compile-time check of regular-expression literals: `matches(x, "(")` is reported when the project
 * is compiled, once, instead of failing on every record.
 */
import type { Issue } from '../issues';
import { exprRegex, type ExprAt } from './messages';
import { compileRegex } from './regex';

interface Node {
  op: string;
  args: unknown;
}
const isNode = (x: unknown): x is Node => typeof x === 'object' && x !== null && typeof (x as Node).op === 'string';
const literal = (x: unknown): string | null => (isNode(x) && x.op === 'value' && typeof x.args === 'string' ? x.args : null);

/** The pattern argument of a regex-taking call, when it is a string literal. */
function patternOf(node: Node): string | null {
  if (node.op === 'call') {
    const [name, params] = node.args as [string, unknown[]];
    if (name === 'matches' || name === 'replace') return literal(params[1]);
  }
  if (node.op === 'rcall') {
    const [name, , params] = node.args as [string, unknown, unknown[]];
    if (name === 'matches') return literal(params[0]);
  }
  return null;
}

/** The first invalid regex literal in the tree, as an issue; null when all compile. */
export function findBadRegex(ast: unknown, at: ExprAt): Issue | null {
  const stack: unknown[] = [ast];
  while (stack.length > 0) {
    const item = stack.pop();
    if (Array.isArray(item)) {
      stack.push(...item);
      continue;
    }
    if (!isNode(item)) continue;
    const pattern = patternOf(item);
    if (pattern !== null) {
      const re = compileRegex(pattern);
      if (re instanceof SyntaxError) return exprRegex(at, pattern, re.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, ''));
    }
    if (typeof item.args === 'object' && item.args !== null) stack.push(item.args);
  }
  return null;
}
