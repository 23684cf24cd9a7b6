/**
 * `npm run bench [-- --users 100000 --runs 3]`: generates seeded data with the project's generator into a
 * temporary folder (nothing committed), runs the CLI over it several times in fresh processes, and prints
 * the median wall time with its spread and the peak RSS. Results go to bench/results.md with the machine's
 * cores and memory. Never part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generate } from '../examples/generator/generate';

const { values } = parseArgs({ options: { users: { type: 'string', default: '100000' }, runs: { type: 'string', default: '3' } } });
const users = Number(values.users);
const runs = Number(values.runs);
const root = resolve(import.meta.dirname, '..');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One CLI run in a fresh process: wall ms and peak RSS (KiB, from /usr/bin/time when present). */
function cliRun(project: string, out: string): { ms: number; rssKiB: number | null } {
  const args = ['--import', 'tsx', join(root, 'electron/cli/index.ts'), 'run', project, '--out', out, '--quiet'];
  const timed = existsSync('/usr/bin/time');
  const started = performance.now();
  const child = timed
    ? spawnSync('/usr/bin/time', ['-f', 'RSS_KIB=%M', process.execPath, ...args], { cwd: root, encoding: 'utf8' })
    : spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (child.status !== 0) throw new Error(`CLI run failed (${child.status}): ${child.stderr}`);
  const rss = /RSS_KIB=(\d+)/.exec(child.stderr ?? '');
  return { ms, rssKiB: rss ? Number(rss[1]) : null };
}

const dir = await mkdtemp(join(tmpdir(), 'roster-bench-'));
try {
  process.stderr.write(`generating ${users.toLocaleString('en-US')} users into ${dir}...\n`);
  await generate({ users, seed: 1, snapshot: 1, asOf: '2026-11-02', out: dir });
  const results = Array.from({ length: runs }, (_, i) => {
    process.stderr.write(`run ${i + 1}/${runs}...\n`);
    return cliRun(join(dir, 'project.json'), join(dir, 'out'));
  });
  const times = results.map((r) => r.ms);
  const rss = results.map((r) => r.rssKiB).filter((r): r is number => r !== null);
  const table = [
    `# Benchmark results`,
    '',
    `Machine: ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}. Users: ${users.toLocaleString('en-US')} primary + 3 secondary sources (seed 1).`,
    '',
    '| measure | median | min | max | runs |',
    '| --- | --- | --- | --- | --- |',
    `| CLI full run (s) | ${(median(times) / 1000).toFixed(2)} | ${(Math.min(...times) / 1000).toFixed(2)} | ${(Math.max(...times) / 1000).toFixed(2)} | ${runs} |`,
    rss.length ? `| CLI peak RSS (MiB) | ${(median(rss) / 1024).toFixed(0)} | ${(Math.min(...rss) / 1024).toFixed(0)} | ${(Math.max(...rss) / 1024).toFixed(0)} | ${rss.length} |` : '| CLI peak RSS | n/a (no /usr/bin/time) | | | |',
    '',
  ].join('\n');
  process.stdout.write(`${table}\n`);
  await writeFile(join(root, 'bench/results.md'), table);
} finally {
  await rm(dir, { recursive: true, force: true });
}
