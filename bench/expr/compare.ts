/**
 * Chooses the expression library by measurement: `npx tsx bench/expr/compare.ts [evaluations]`.
 *
 * Each candidate evaluates, over 1,000 varied records taken in turn, a typical mapping expression
 * (lower-case + trim of one field), a concat of two fields, and a typical filter
 * (`is_bot == true || user_name matches "^svc-"`), N times (default 1,000,000) per run, 5 runs; it prints
 * the median in ms per 1M evaluations and whether the library's source compiles code at run time
 * (`new Function`/`eval`), which the renderer's CSP (no 'unsafe-eval') forbids.
 * The last rows measure core/expr itself (cel-js plus the null-safe activation) for its overhead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { Environment } from '@marcbachmann/cel-js';
import jsonata from 'jsonata';
import { compileExpression as filtrexCompile } from 'filtrex';
import { compileExpression } from '../../core/expr';

type Fn = (record: Record<string, unknown>) => unknown;
type AsyncFn = (record: Record<string, unknown>) => Promise<unknown>;
interface Case { library: string; expression: string; text: string; fn: Fn | AsyncFn; async?: boolean }

const N = Number(process.argv[2] ?? 1_000_000);
const RUNS = 5;

const records = Array.from({ length: 1000 }, (_, i) => ({
  Work_Email: `  ${i % 3 ? 'Jane' : 'JOHN'}.Doe${i}@Example.COM `,
  first_name: i % 7 ? `First${i}` : null,
  last_name: `Last${i}`,
  is_bot: i % 50 === 0,
  user_name: i % 11 ? `user${i}` : `svc-robot${i}`,
}));

/** True when the package's shipped code builds functions from strings. */
function usesCodegen(pkg: string): boolean {
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve(pkg));
  const files = readdirSync(dir).filter((f) => /\.(c|m)?js$/.test(f) && !f.includes('.min.'));
  return files.some((f) => /new Function\s*\(|\beval\s*\(/.test(readFileSync(join(dir, f), 'utf8')));
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const celEnv = new Environment({ unlistedVariablesAreDyn: true })
  .registerFunction('lower(dyn): dyn', (s: unknown) => str(s)?.toLowerCase() ?? null)
  .registerFunction('trim(dyn): dyn', (s: unknown) => str(s)?.trim() ?? null)
  .registerFunction('concat(dyn, dyn, dyn): dyn', (...p: unknown[]) => p.filter((x) => x !== null).join(''));
const cel = (text: string): Fn => celEnv.parse(text) as Fn;
const jsonataFn = (text: string): AsyncFn => {
  const expr = jsonata(text);
  return (r) => expr.evaluate(r);
};
const filtrexOptions = {
  extraFunctions: {
    lower: (s: unknown) => str(s)?.toLowerCase() ?? null,
    trim: (s: unknown) => str(s)?.trim() ?? null,
    concat: (...p: unknown[]) => p.filter((x) => x !== null).join(''),
  },
};
const filtrex = (text: string): Fn => filtrexCompile(text, filtrexOptions) as Fn;
const ours = (text: string, kind: 'mapping' | 'filter'): Fn => {
  const compiled = compileExpression(text, { key: 'bench', kind });
  if (!compiled.ok) throw new Error(compiled.issue.message);
  return (r) => compiled.expr.evaluate(r);
};

const cases: Case[] = [
  { library: '@marcbachmann/cel-js', expression: 'lower+trim', text: 'lower(trim(Work_Email))', fn: cel('lower(trim(Work_Email))') },
  { library: '@marcbachmann/cel-js', expression: 'concat', text: 'concat(first_name, " ", last_name)', fn: cel('concat(first_name, " ", last_name)') },
  { library: '@marcbachmann/cel-js', expression: 'filter', text: 'is_bot == true || user_name.matches("^svc-")', fn: cel('is_bot == true || user_name.matches("^svc-")') },
  { library: 'jsonata', expression: 'lower+trim', text: '$lowercase($trim(Work_Email))', fn: jsonataFn('$lowercase($trim(Work_Email))'), async: true },
  { library: 'jsonata', expression: 'concat', text: 'first_name & " " & last_name', fn: jsonataFn('first_name & " " & last_name'), async: true },
  { library: 'jsonata', expression: 'filter', text: 'is_bot = true or $contains(user_name, /^svc-/)', fn: jsonataFn('is_bot = true or $contains(user_name, /^svc-/)'), async: true },
  { library: 'filtrex', expression: 'lower+trim', text: 'lower(trim(Work_Email))', fn: filtrex('lower(trim(Work_Email))') },
  { library: 'filtrex', expression: 'concat', text: 'concat(first_name, " ", last_name)', fn: filtrex('concat(first_name, " ", last_name)') },
  { library: 'filtrex', expression: 'filter', text: 'is_bot == true or user_name ~= "^svc-"', fn: filtrex('is_bot == true or user_name ~= "^svc-"') },
  { library: 'core/expr (cel-js)', expression: 'lower+trim', text: 'lower(trim(Work_Email))', fn: ours('lower(trim(Work_Email))', 'mapping') },
  { library: 'core/expr (cel-js)', expression: 'concat', text: 'concat(first_name, " ", last_name)', fn: ours('concat(first_name, " ", last_name)', 'mapping') },
  { library: 'core/expr (cel-js)', expression: 'filter', text: 'is_bot == true || user_name.matches("^svc-")', fn: ours('is_bot == true || user_name.matches("^svc-")', 'filter') },
];

async function time(c: Case): Promise<number> {
  const start = performance.now();
  let sink = 0;
  for (let i = 0; i < N; i++) {
    const value = c.async ? await (c.fn as AsyncFn)(records[i % 1000]) : (c.fn as Fn)(records[i % 1000]);
    if (value) sink++;
  }
  if (sink < 0) console.log(sink);
  return ((performance.now() - start) * 1_000_000) / N;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Each case runs in a fresh process, so one library's JIT state cannot slow the next one down. */
async function runCase(index: number): Promise<number> {
  const child = fork(fileURLToPath(import.meta.url), [String(N), `--case=${index}`], { execArgv: process.execArgv, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await new Promise((resolve) => child.on('exit', resolve));
  return Number(out.trim());
}

const only = process.argv.find((a) => a.startsWith('--case='));
if (only) {
  const c = cases[Number(only.slice('--case='.length))];
  const samples: number[] = [];
  for (let r = 0; r < RUNS; r++) samples.push(await time(c));
  console.log(median(samples));
} else {
  console.log(`${N.toLocaleString('en')} evaluations per run, median of ${RUNS} runs, ms per 1M evaluations`);
  console.log(['library'.padEnd(22), 'expression'.padEnd(11), 'ms/1M'.padStart(9), 'eval-free'].join(' '));
  for (const [i, c] of cases.entries()) {
    const ms = await runCase(i);
    const evalFree = !usesCodegen(c.library === 'core/expr (cel-js)' ? '@marcbachmann/cel-js' : c.library);
    console.log([c.library.padEnd(22), c.expression.padEnd(11), ms.toFixed(0).padStart(9), evalFree ? 'yes' : 'NO (new Function)'].join(' '));
  }
}
