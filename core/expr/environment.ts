/**
 * The one CEL environment every project expression is parsed in: CEL's own language plus the helpers
 * of `helpers.ts`, a `field("Any Column")` macro, and null-safe receivers for the string predicates.
 */
import { Environment } from '@marcbachmann/cel-js';
import { HELPERS } from './helpers';

/** Names that CEL resolves as types, never as variables: a column called `type` needs field("type"). */
export const CEL_TYPE_NAMES: ReadonlySet<string> = new Set([
  'int', 'uint', 'double', 'bool', 'string', 'bytes', 'list', 'map', 'null_type', 'type', 'timestamp', 'duration', 'dyn',
]);

/** Limits on what one expression may be: a project expression is a line, not a program. */
const LIMITS = { maxAstNodes: 4000, maxDepth: 64, maxListElements: 1000, maxMapEntries: 1000, maxCallArguments: 16 };

interface MacroArg {
  op: string;
  args: unknown;
}
interface Checker {
  getType(name: string): unknown;
}
interface MacroContext {
  getValue(name: string): unknown;
}

/** field("Work Email"): reads a variable by any name. The name must be a quoted literal, so the
 * compiler sees it (it is listed in `identifiers` and validated like a column). */
function fieldMacro({ args }: { args: MacroArg[] }) {
  const arg = args[0];
  if (args.length !== 1 || arg?.op !== 'value' || typeof arg.args !== 'string') {
    throw new Error('field() takes one quoted name, e.g. field("Work Email")');
  }
  const name = arg.args;
  return {
    typeCheck: (checker: Checker) => checker.getType('dyn'),
    evaluate: (_ev: unknown, _macro: unknown, ctx: MacroContext) => ctx.getValue(name) ?? null,
  };
}

function build(): Environment {
  const env = new Environment({ unlistedVariablesAreDyn: true, homogeneousAggregateLiterals: false, limits: LIMITS });
  for (const helper of HELPERS) {
    for (const n of helper.arity) {
      const params = Array.from({ length: n }, () => 'dyn').join(', ');
      env.registerFunction(`${helper.name}(${params}): ${helper.returns}`, helper.fn);
    }
  }
  env.registerFunction('field(ast): dyn', fieldMacro);
  // A null receiver answers "no" instead of failing the record: `user_name.matches("^svc-")` on a
  // record without a user name is simply not a service account.
  for (const method of ['matches', 'contains', 'startsWith', 'endsWith']) {
    env.registerFunction(`null.${method}(string): bool`, () => false);
  }
  for (const method of ['lowerAscii', 'upperAscii', 'trim']) {
    env.registerFunction(`null.${method}(): dyn`, () => null);
  }
  return env;
}

// Building the environment registers ~60 overloads; it is built on first use and never changes after,
// so sharing it is sharing a constant (parse results are independent of each other).
let shared: Environment | undefined;

/** The shared, fully registered environment. */
export function celEnvironment(): Environment {
  shared ??= build();
  return shared;
}
