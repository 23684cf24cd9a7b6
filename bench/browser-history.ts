/**
 * Issue 5 at scale, in the browser edition: the generator's two snapshots of one company (week 1, and the
 * same company seven days later) run in order as one project, as a user does it: open week 1's project
 * file with its exports, run; open week 2's (same project name, so the same history), run; then History
 * (deletion candidates, safeguard) and Compare (the two runs diffed in the compare worker), with the
 * page's longest stall meanwhile. Reports what the screens say next to the generator's manifest counts.
 *
 * `tsx bench/browser-history.ts <week 1 dir> <week 2 dir>` (folders from `npm run gen`, the second with
 * `--snapshot 2`) prints one JSON line. Not part of `npm test` or `npm run bench`: at 1,000,000 users it
 * takes about half an hour.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { HistoryPage } from '../test/e2e/pages/history-pages';
import { launchPersistentChromium } from '../test/e2e/support/browser';
import { startStaticServer } from '../test/e2e/support/static-server';
import { DIST_WEB, ensureWebBuild } from '../test/e2e/support/web-build';
import { longestTaskSince, openProject, runToOverview } from './browser';

const TIMEOUT = Number(process.env.BENCH_STEP_TIMEOUT_MS ?? 60 * 60_000);

interface Manifest {
  generator: { users: number; asOf: string };
  records: Record<string, number>;
  counts: Record<string, number>;
}

const now = (page: Page) => page.evaluate(() => performance.now());
const screen = (page: Page, name: RegExp) => page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name }).click();

/** The page's longest gap between two timer ticks from now until `stop`: a frozen window shows as a long gap. */
async function startStallProbe(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { benchStall: number; benchLast: number; benchTimer: number };
    w.benchStall = 0;
    w.benchLast = performance.now();
    w.benchTimer = window.setInterval(() => {
      const t = performance.now();
      w.benchStall = Math.max(w.benchStall, t - w.benchLast);
      w.benchLast = t;
    }, 20);
  });
  return () =>
    page.evaluate(() => {
      const w = window as unknown as { benchStall: number; benchTimer: number };
      clearInterval(w.benchTimer);
      return Math.round(w.benchStall);
    });
}

async function main(): Promise<void> {
  const [week1, week2] = process.argv.slice(2);
  if (!week1 || !week2) throw new Error('usage: tsx bench/browser-history.ts <week 1 dir> <week 2 dir>');
  const manifest1 = JSON.parse(readFileSync(join(week1, 'manifest.json'), 'utf8')) as Manifest;
  const manifest2 = JSON.parse(readFileSync(join(week2, 'manifest.json'), 'utf8')) as Manifest;
  ensureWebBuild();
  mkdirSync(join(import.meta.dirname, 'tmp'), { recursive: true });
  const server = await startStaticServer(DIST_WEB);
  const profile = mkdtempSync(join(tmpdir(), 'roster-bench-history-'));
  const context = await launchPersistentChromium(profile);
  const out: Record<string, unknown> = { users: manifest1.generator.users, manifest2: { records: manifest2.records, counts: manifest2.counts } };
  let doing = 'open the app';
  try {
    await context.addInitScript(() => {
      window.benchLongTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.benchLongTasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const crashed = new Promise<never>((_, reject) => page.on('crash', () => reject(new Error('the page crashed (out of memory?)'))));
    const step = <T>(what: string, work: () => Promise<T>) => {
      doing = what;
      process.stderr.write(`${new Date().toISOString()} ${what}\n`);
      return Promise.race([work(), crashed]);
    };
    page.setDefaultTimeout(TIMEOUT);
    await step('open the app', async () => {
      await page.goto(server.url);
      await page.getByTestId('source-preview').first().waitFor();
    });
    for (const [label, dir, manifest] of [
      ['week1', week1, manifest1],
      ['week2', week2, manifest2],
    ] as const) {
      await step(`open ${label}`, async () => {
        await openProject(page, dir);
        // The project screen shows the picked project's export date once it replaced the one before.
        const deadline = Date.now() + TIMEOUT;
        while ((await page.getByLabel('Export date (asOf)').inputValue()) !== manifest.generator.asOf) {
          if (Date.now() > deadline) throw new Error(`the project screen never showed ${label}'s export date ${manifest.generator.asOf}`);
          await page.waitForTimeout(200);
        }
      });
      const before = await now(page);
      const run = await step(`run ${label}`, () => runToOverview(page));
      out[label] = { runMs: Math.round(run.totalMs), pipelineMs: Math.round(run.pipelineMs), longestTaskMs: Math.round(await longestTaskSince(page, before)) };
    }

    await step('history', async () => {
      const started = await now(page);
      await screen(page, /^history/i);
      const history = new HistoryPage(page);
      await history.ready(2);
      const firstRow = await page.getByTestId('deletion-candidates-row').first().textContent();
      out.history = {
        ms: Math.round((await now(page)) - started),
        runs: (await history.runs().allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim()),
        candidatesTitle: (await page.getByTestId('deletion-candidates').locator('h2').textContent())?.trim(),
        firstCandidate: firstRow?.trim(),
      };
    });
    await step('overview banner', async () => {
      await screen(page, /^overview/i);
      const banner = page.getByTestId('safeguard-banner');
      out.safeguard = (await banner.count()) ? (await banner.textContent())?.replace(/\s+/g, ' ').trim() : null;
    });
    await step('compare', async () => {
      const stall = await startStallProbe(page);
      const started = await now(page);
      await screen(page, /^compare/i);
      await page.getByTestId('compare-matching').waitFor();
      const ms = (await now(page)) - started;
      const tabs: Record<string, string> = {};
      for (const kind of ['added', 'removed', 'changed', 'links', 'enablement', 'coverage']) {
        tabs[kind] = ((await page.getByTestId(`diff-tab-${kind}`).locator('.tab-count').textContent()) ?? '').trim();
      }
      out.compare = {
        ms: Math.round(ms),
        longestStallMs: await stall(),
        longestTaskMs: Math.round(await longestTaskSince(page, started)),
        matching: (await page.getByTestId('compare-matching').innerText()).replace(/\s+/g, ' ').trim(),
        tabs,
      };
    });
    await page.screenshot({ path: join(import.meta.dirname, 'tmp/history-compare.png') }).catch(() => undefined);
  } catch (error) {
    out.failed = `${doing}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    await context
      .pages()[0]
      ?.screenshot({ path: join(import.meta.dirname, 'tmp/history-failed.png') })
      .catch(() => undefined);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await server.close();
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

await main();
