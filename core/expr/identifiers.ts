/**
 * What an expression reads: the top-level variable names in its syntax tree (and the quoted names of
 * `field("...")`), without the variables that macros bind (`e` in `emails.exists(e, e.primary)`).
 * The mapping stage validates them against the source's columns; evaluation provides exactly them.
 */
import { CEL_TYPE_NAMES } from './environment';

interface Node {
  op: string;
  args: unknown;
}

const isNode = (x: unknown): x is Node =>
  typeof x === 'object' && x !== null && typeof (x as Node).op === 'string' && 'args' in (x as object);

/** Macros whose leading identifier arguments name iteration variables, by argument count. */
const MACROS: Record<string, Record<number, number>> = {
  all: { 2: 1, 3: 2 },
  exists: { 2: 1, 3: 2 },
  exists_one: { 2: 1, 3: 2 },
  existsOne: { 2: 1, 3: 2 },
  map: { 2: 1, 3: 1, 4: 2 },
  filter: { 2: 1, 3: 2 },
  transformList: { 3: 2, 4: 2 },
  transformMap: { 3: 2, 4: 2 },
};

function visit(node: unknown, bound: ReadonlySet<string>, out: Set<string>): void {
  if (Array.isArray(node)) {
    for (const child of node) visit(child, bound, out);
    return;
  }
  if (!isNode(node)) return;
  const { op, args } = node;
  if (op === 'value') return;
  if (op === 'id') {
    if (typeof args === 'string' && !bound.has(args) && !CEL_TYPE_NAMES.has(args)) out.add(args);
    return;
  }
  if (op === '.' || op === '.?') {
    visit((args as unknown[])[0], bound, out);
    return;
  }
  if (op === 'call') {
    const [name, params] = args as [string, unknown[]];
    const first = params[0];
    if (name === 'field' && isNode(first) && first.op === 'value' && typeof first.args === 'string') out.add(first.args);
    else visit(params, bound, out);
    return;
  }
  if (op === 'rcall') {
    const [name, receiver, params] = args as [string, unknown, unknown[]];
    visitMethod(name, receiver, params, bound, out);
    return;
  }
  visit(args, bound, out);
}

function visitMethod(name: string, receiver: unknown, params: unknown[], bound: ReadonlySet<string>, out: Set<string>): void {
  const idName = (n: unknown) => (isNode(n) && n.op === 'id' && typeof n.args === 'string' ? n.args : null);
  if (name === 'bind' && idName(receiver) === 'cel' && params.length === 3) {
    // cel.bind(v, init, body): init sees the outer scope, body sees v.
    visit(params[1], bound, out);
    visit(params[2], withNames(bound, [idName(params[0])]), out);
    return;
  }
  visit(receiver, bound, out);
  const count = MACROS[name]?.[params.length] ?? 0;
  const names = params.slice(0, count).map(idName);
  if (count > 0 && names.every((n) => n !== null)) {
    visit(params.slice(count), withNames(bound, names), out);
    return;
  }
  visit(params, bound, out);
}

function withNames(bound: ReadonlySet<string>, names: Array<string | null>): Set<string> {
  const next = new Set(bound);
  for (const n of names) if (n !== null) next.add(n);
  return next;
}

/** The variable names an expression's syntax tree reads, in first-use order. */
export function collectIdentifiers(ast: unknown): string[] {
  const out = new Set<string>();
  visit(ast, new Set(), out);
  return [...out];
}

/**
 * Type names used as bare names (`type == "Room"`), when the expression never calls type(): CEL
 * reads them as types, so a field called `type` or `duration` must be written field("type").
 */
export function misusedTypeNames(ast: unknown): string[] {
  const names = new Set<string>();
  let callsType = false;
  const stack: unknown[] = [ast];
  while (stack.length > 0) {
    const item = stack.pop();
    if (Array.isArray(item)) stack.push(...item);
    else if (isNode(item)) {
      if (item.op === 'id' && typeof item.args === 'string' && CEL_TYPE_NAMES.has(item.args)) names.add(item.args);
      if (item.op === 'call' && Array.isArray(item.args) && item.args[0] === 'type') callsType = true;
      if (item.op !== 'value' && typeof item.args === 'object' && item.args !== null) stack.push(item.args);
    }
  }
  return callsType ? [] : [...names];
}

/** The identifier form of a field name: every character outside [A-Za-z0-9_] becomes `_`, and a
 * leading digit gets a `_` in front (`Work Email` -> `Work_Email`, `@odata.type` -> `_odata_type`). */
export function identifierAlias(name: string): string {
  const alias = name.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[0-9]/.test(alias) ? `_${alias}` : alias;
}

const RESERVED = new Set(
  'as break const continue else false for function if import in let loop namespace null package return true var void while'.split(' '),
);

/** True when the name can be written as it is in an expression (not a CEL keyword or type name). */
export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !CEL_TYPE_NAMES.has(name) && !RESERVED.has(name);
}
