/**
 * `npm run bench [-- --users 100000,1000000 --runs 3]`: the enterprise-scale benchmark of issue 6. Never
 * part of `npm test`.
 *
 * For each size it generates seeded exports with the project's generator (examples/generator, seed 1:
 * an HR CSV, an Okta users array, a ServiceNow `result` envelope, a Slack `members` envelope) into a
 * temporary folder (deleted afterwards; nothing is committed), then measures, `--runs` times each in fresh
 * processes, alternating so machine load hits both alike:
 *   1. the CLI's full run (`roster-audit run`: load, map, process, filter, join, conflicts, roster.csv,
 *      records.csv, conflicts.csv, report.json, run.ndjson): wall time and peak RSS;
 *   2. the baseline (bench/duckdb-baseline.ts): DuckDB doing the plain job on the same files; the headline
 *      is the ratio of 1 to 2;
 *   3. the browser edition in Debian's Chromium (bench/browser.ts): run + persist + overview, its longest
 *      main-thread task, roster search, the audit views, compare of two runs;
 *   4. parsing alone per source: the CLI's streaming loader against the whole-file loader (papaparse,
 *      JSON.parse) and DuckDB's reader.
 * Medians with min-max; peak RSS from getrusage of each process (bench/rss-probe.mjs). It prints the table
 * and writes bench/results.md, keeping any notes written below the `<!-- notes -->` line of the previous
 * file.
 *
 * Options: --users N[,N...] (default 100000,1000000)  --runs R (3)  --data DIR (generate into DIR and keep
 * it; reused when DIR/<users>/project.json exists)  --no-parse (skip part 4)  --no-browser (skip part 3)
 * --browser-runs R (default: --runs)  --no-write (print only).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generate } from '../examples/generator/generate';
import { ensureDuckDb } from './duckdb-dep';
import { measureBrowser, type BrowserMeasure } from './browser';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '100000,1000000' },
    runs: { type: 'string', default: '3' },
    data: { type: 'string' },
    'no-parse': { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
    'browser-runs': { type: 'string' },
    'no-write': { type: 'boolean', default: false },
  },
});
const sizes = values.users.split(',').map(Number);
const runs = Number(values.runs);
const browserRuns = Number(values['browser-runs'] ?? values.runs);
const root = resolve(import.meta.dirname, '..');
const probe = join(root, 'bench/rss-probe.mjs');
const SOURCES = [
  { id: 'workday', file: 'workday-workers.csv', shape: 'CSV' },
  { id: 'okta', file: 'okta-users.json', shape: 'JSON array' },
  { id: 'servicenow', file: 'servicenow-sys_user.json', shape: 'JSON envelope' },
  { id: 'slack', file: 'slack-users.json', shape: 'JSON envelope' },
] as const;

interface Measure {
  ms: number;
  rssMiB: number | null;
  out: string;
}

/** Runs a TypeScript script (or the CLI) in a fresh Node process with the RSS probe. */
function measure(args: string[]): Measure {
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--import', probe, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (child.status !== 0) throw new Error(`${args.join(' ')} failed (${child.status}): ${child.stderr.slice(-2000)}`);
  const rss = /BENCH_MAX_RSS_KIB=(\d+)/.exec(child.stderr);
  return { ms, rssMiB: rss ? Number(rss[1]) / 1024 : null, out: child.stdout };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const sec = (ms: number) => (ms / 1000).toFixed(1);
const spread = (xs: number[], f: (x: number) => string) => `${f(median(xs))} (${f(Math.min(...xs))}-${f(Math.max(...xs))})`;
const mib = (x: number) => x.toFixed(0);
const n = (x: number) => x.toLocaleString('en-US');
const size = (bytes: number) => (bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(2)} GiB` : `${(bytes / 2 ** 20).toFixed(0)} MiB`);

interface SizeResult {
  users: number;
  records: number;
  bytes: number;
  cli: Measure[];
  duck: Measure[];
  parse: { source: string; shape: string; bytes: number; records: number; stream: number[]; whole: string; duck: number[] }[];
  browser: BrowserMeasure[];
}

/** An email from the middle of the HR export: what the roster search looks for. */
function middleEmail(dir: string): string {
  const lines = readFileSync(join(dir, 'workday-workers.csv'), 'utf8').split(/\r?\n/);
  const header = lines[0].replace(/^\uFEFF/, '').split(',');
  const column = header.indexOf('Work_Email');
  for (let i = Math.floor(lines.length / 2); i < lines.length; i++) {
    const email = lines[i].split(',')[column];
    if (email && /^[a-z0-9.]+@[a-z.]+$/.test(email)) return email;
  }
  throw new Error(`no plain email in ${dir}/workday-workers.csv`);
}

async function dataFor(users: number, base: string): Promise<string> {
  const dir = join(base, String(users));
  if (existsSync(join(dir, 'project.json'))) return dir;
  await mkdir(dir, { recursive: true });
  process.stderr.write(`generating ${n(users)} users into ${dir}...\n`);
  await generate({ users, seed: 1, snapshot: 1, asOf: '2026-11-02', out: dir });
  return dir;
}

async function benchSize(users: number, base: string): Promise<SizeResult> {
  const dir = await dataFor(users, base);
  const project = join(dir, 'project.json');
  const bytes = SOURCES.reduce((t, s) => t + statSync(join(dir, s.file)).size, 0);
  const cli: Measure[] = [];
  const duck: Measure[] = [];
  for (let r = 0; r < runs; r++) {
    process.stderr.write(`${n(users)} users, run ${r + 1}/${runs}: CLI...`);
    cli.push(measure([join(root, 'electron/cli/index.ts'), 'run', project, '--out', join(dir, 'out-cli'), '--quiet']));
    process.stderr.write(` ${sec(cli[r].ms)} s; DuckDB...`);
    duck.push(measure([join(root, 'bench/duckdb-baseline.ts'), dir, join(dir, 'out-duckdb.csv')]));
    process.stderr.write(` ${sec(duck[r].ms)} s\n`);
  }
  const report = JSON.parse(readFileSync(join(dir, 'out-cli/report.json'), 'utf8')) as { stats: { perSource: Record<string, { loaded: number }> } };
  const records = Object.values(report.stats.perSource).reduce((t, s) => t + s.loaded, 0);
  const parse: SizeResult['parse'] = [];
  if (!values['no-parse']) {
    for (const s of SOURCES) {
      process.stderr.write(`${n(users)} users, parsing ${s.id}...\n`);
      const stream: number[] = [];
      const duckRead: number[] = [];
      let count = 0;
      for (let r = 0; r < runs; r++) {
        const m = JSON.parse(measure([join(root, 'bench/parse-source.ts'), project, s.id, 'stream']).out) as { ms: number; records: number };
        stream.push(m.ms);
        count = m.records;
        duckRead.push((JSON.parse(measure([join(root, 'bench/duckdb-baseline.ts'), dir, '--read', s.id]).out) as { ms: number }).ms);
      }
      const whole = JSON.parse(measure([join(root, 'bench/parse-source.ts'), project, s.id, 'whole']).out) as { ms?: number; error?: string };
      parse.push({ source: s.id, shape: s.shape, bytes: statSync(join(dir, s.file)).size, records: count, stream, whole: whole.ms !== undefined ? sec(whole.ms) : `fails: ${whole.error}`, duck: duckRead });
    }
  }
  const browser: BrowserMeasure[] = [];
  if (!values['no-browser']) {
    const email = middleEmail(dir);
    for (let r = 0; r < browserRuns; r++) {
      process.stderr.write(`${n(users)} users, browser edition run ${r + 1}/${browserRuns}...`);
      const m = await measureBrowser(dir, users, email);
      browser.push(m);
      process.stderr.write(m.failed ? ` failed: ${m.failed}\n` : ` run ${sec(m.runMs ?? 0)} s, search ${m.searchMs?.toFixed(0)} ms, compare ${sec(m.compareMs ?? 0)} s\n`);
    }
  }
  return { users, records, bytes, cli, duck, parse, browser };
}

function table(results: SizeResult[], duckVersion: string): string {
  const lines = [
    '# Benchmark results (issue 6)',
    '',
    `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, DuckDB ${duckVersion}; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} at the end (the machine is shared: ratios measured in the same script are the figures to read). ${runs} runs each, median (min-max).`,
    '',
    'Data: `examples/generator`, seed 1: HR CSV (primary), Okta users JSON array, ServiceNow `result` envelope, Slack `members` envelope.',
    '',
    '## Full run: CLI (`roster-audit run`) against DuckDB doing the plain job',
    '',
    '| users | records | input | CLI wall (s) | CLI peak RSS (MiB) | DuckDB wall (s) | DuckDB peak RSS (MiB) | CLI / DuckDB |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    const ratio = median(r.cli.map((c) => c.ms)) / median(r.duck.map((d) => d.ms));
    const rss = (ms: Measure[]) => (ms.every((m) => m.rssMiB !== null) ? spread(ms.map((m) => m.rssMiB as number), mib) : 'n/a');
    lines.push(`| ${n(r.users)} | ${n(r.records)} | ${size(r.bytes)} | ${spread(r.cli.map((c) => c.ms), sec)} | ${rss(r.cli)} | ${spread(r.duck.map((d) => d.ms), sec)} | ${rss(r.duck)} | **${ratio.toFixed(2)}x** |`);
  }
  const parsed = results.filter((r) => r.parse.length > 0);
  if (parsed.length > 0) {
    lines.push(
      '',
      '## Parsing alone, per source',
      '',
      'Streaming loader: core/load/stream (what the CLI runs). Whole file: `loadFile` on the file in memory (papaparse, JSON.parse), the loader before issue 6 and the fallback for files the streaming loader hands over. DuckDB: `read_csv`/`read_json` counting rows.',
      '',
      '| users | source | shape | size | records | streaming (s) | whole file (s) | DuckDB read (s) |',
      '| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const r of parsed) {
      for (const p of r.parse) lines.push(`| ${n(r.users)} | ${p.source} | ${p.shape} | ${size(p.bytes)} | ${n(p.records)} | ${spread(p.stream, sec)} | ${p.whole} | ${spread(p.duck, sec)} |`);
    }
  }
  const browsed = results.filter((r) => r.browser.length > 0);
  if (browsed.length > 0) {
    lines.push(
      '',
      '## Browser edition in headless Chromium',
      '',
      'Run: from the Run click to the overview counters, the run persisted to IndexedDB; of which the worker: until the worker had the result and the page began to store it. Longest task: the longest main-thread task (PerformanceObserver `longtask`) from the Run click to the overview. Search: an email typed in the roster search until its one match shows. Audit views: joins, orphans (with suggestions), conflicts, filter hits and key advice opened in turn until the audit worker answered, then one explain. Compare: the same exports run again (a later export date), then the compare screen until its matching summary shows. Targets: 8 s (100k) and 60 s (1M) for the run, 100 ms longest task, 200 ms search at 1M, 15 s compare of two 1M runs.',
      '',
      '| users | run + persist + overview (s) | of which the worker (s) | longest main-thread task (ms) | roster search (ms) | audit views + explain (s) | their longest task (ms) | compare two runs (s) | failed |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    );
    const ok = (xs: (number | null)[]) => xs.filter((x): x is number => x !== null);
    const cell = (xs: (number | null)[], f: (x: number) => string) => (ok(xs).length > 0 ? spread(ok(xs), f) : 'n/a');
    const ms = (x: number) => x.toFixed(0);
    for (const r of browsed) {
      const b = r.browser;
      const failures = b.filter((m) => m.failed).map((m) => m.failed);
      lines.push(`| ${n(r.users)} | ${cell(b.map((m) => m.runMs), sec)} | ${cell(b.map((m) => m.pipelineMs), sec)} | ${cell(b.map((m) => m.longestTaskMs), ms)} | ${cell(b.map((m) => m.searchMs), ms)} | ${cell(b.map((m) => m.auditMs), sec)} | ${cell(b.map((m) => m.auditLongestTaskMs), ms)} | ${cell(b.map((m) => m.compareMs), sec)} | ${failures.length ? `${failures.length} of ${b.length}: ${failures[0]}` : ''} |`);
    }
  }
  lines.push('');
  return lines.join('\n');
}

const duckVersion = ensureDuckDb();
const base = values.data ? resolve(values.data) : await mkdtemp(join(tmpdir(), 'roster-bench-'));
try {
  const results: SizeResult[] = [];
  for (const users of sizes) results.push(await benchSize(users, base));
  const text = table(results, duckVersion);
  process.stdout.write(`${text}\n`);
  if (!values['no-write']) {
    const path = join(root, 'bench/results.md');
    const previous = existsSync(path) ? readFileSync(path, 'utf8') : '';
    const at = previous.indexOf('<!-- notes -->');
    await writeFile(path, `${text}\n${at >= 0 ? previous.slice(at) : '<!-- notes -->\n'}`);
  }
} finally {
  if (!values.data) await rm(base, { recursive: true, force: true });
}
