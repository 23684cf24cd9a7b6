/**
 * `tsx bench/idb-layout.ts [--users 20000] [--runs 3] [--chunk 1000]`: how the layout of a run in
 * IndexedDB decides how long storing it takes (issue 6; why renderer/db stores users and records in
 * blocks, see renderer/db/record-index.ts). Not part of `npm test` nor of `npm run bench`.
 *
 * Runs the generator's 2,000-user project (seed 1) through the pipeline for real users and records, then
 * in Debian's Chromium, one fresh on-disk profile per measurement, stores `--users` users (and their
 * records, ~4 per user) cloned from those in each layout of bench/idb-layout.html, and prints the median
 * time spent in IndexedDB writes (and in building the rows) per layout, in the same process.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { runProjectFile } from '../electron/cli/run-command';
import { generate } from '../examples/generator/generate';
import { launchPersistentChromium } from '../test/e2e/support/browser';
import { startStaticServer } from '../test/e2e/support/static-server';

const { values } = parseArgs({ options: { users: { type: 'string', default: '20000' }, runs: { type: 'string', default: '3' }, chunk: { type: 'string', default: '1000' } } });
const users = Number(values.users);
const runs = Number(values.runs);
const chunk = Number(values.chunk);
const root = resolve(import.meta.dirname, '..');

const work = mkdtempSync(join(tmpdir(), 'roster-idb-layout-'));
try {
  const data = join(work, 'data');
  await generate({ users: 2000, seed: 1, snapshot: 1, asOf: '2026-11-02', out: data });
  const run = await runProjectFile(join(data, 'project.json'), { quiet: true, keepRaw: true });
  const page = join(work, 'page');
  const ids = new Set(run.roster.map((u) => u.userId));
  writeFileSync(join(work, 'sample.json'), JSON.stringify({ roster: run.roster, records: run.records.filter((r) => r.userId !== null && ids.has(r.userId)) }));
  mkdirSync(page);
  copyFileSync(join(work, 'sample.json'), join(page, 'sample.json'));
  copyFileSync(join(root, 'node_modules/dexie/dist/dexie.mjs'), join(page, 'dexie.js'));
  copyFileSync(join(root, 'bench/idb-layout.html'), join(page, 'index.html'));
  const server = await startStaticServer(page);

  /** A fresh browser with an on-disk profile (IndexedDB as a user's is), on the page, for `use`. */
  const inFreshProfile = async <T>(use: (tab: Page) => Promise<T>): Promise<T> => {
    const context = await launchPersistentChromium(mkdtempSync(join(work, 'profile-')));
    try {
      const tab = context.pages()[0] ?? (await context.newPage());
      await tab.goto(server.url);
      await tab.waitForFunction(() => (globalThis as unknown as { ready?: boolean }).ready === true, null, { timeout: 120_000 });
      return await use(tab);
    } finally {
      await context.close();
    }
  };
  const layouts = await inFreshProfile((tab) => tab.evaluate(() => (globalThis as unknown as { layouts: string[] }).layouts));
  const results = new Map<string, { writeMs: number[]; prepareMs: number[] }>(layouts.map((l) => [l, { writeMs: [], prepareMs: [] }]));
  // Layouts alternate within each round, so the machine's load hits them alike.
  for (let r = 0; r < runs; r++) {
    for (const layout of layouts) {
      const m = await inFreshProfile((tab) =>
        tab.evaluate(([l, n, c]) => (globalThis as unknown as { measure(l: string, n: number, c: number): Promise<{ writeMs: number; prepareMs: number }> }).measure(l, n, c), [layout, users, chunk] as const),
      );
      results.get(layout)?.writeMs.push(m.writeMs);
      results.get(layout)?.prepareMs.push(m.prepareMs);
    }
  }
  await server.close();

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const base = median(results.get('rows')?.writeMs ?? [NaN]);
  console.log(`${users.toLocaleString('en-US')} users and their records, chunks of ${chunk}, ${runs} runs each (median s, min-max)`);
  console.log('| layout | IndexedDB writes (s) | building the rows (s) | writes / rows layout |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const [layout, { writeMs, prepareMs }] of results) {
    const s = (ms: number) => (ms / 1000).toFixed(1);
    console.log(`| ${layout} | ${s(median(writeMs))} (${s(Math.min(...writeMs))}-${s(Math.max(...writeMs))}) | ${s(median(prepareMs))} | ${(median(writeMs) / base).toFixed(2)} |`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
