/**
 * Part 3 of the benchmark (issue 6): the browser edition in Debian's Chromium (Playwright with
 * executablePath, as test/e2e does), on the generated exports of one size. One fresh browser context per
 * size (its own IndexedDB):
 *   - open the generated project through "Open project…" (project.json and its four exports);
 *   - run + persist to IndexedDB + overview visible: from the Run click to the overview's counters;
 *   - the longest main-thread task while that goes on (PerformanceObserver `longtask`);
 *   - roster search latency: an email typed in the roster's search box until its one match shows;
 *   - the audit views (joins, orphans with suggestions, conflicts, filter hits, key advice) and one
 *     explain, opened in turn: total time and the longest main-thread task meanwhile;
 *   - compare of two runs of that size: the same exports run again with a later export date, then the
 *     compare screen from its opening to its matching summary.
 * `tsx bench/browser.ts <data dir> [--runs N]` prints one JSON line; bench/run.ts calls it per size.
 * A step that fails (a crash, a timeout) is reported with its reason, and the later steps are skipped.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { AuditPage, ExplainPage, type AuditView } from '../test/e2e/pages/audit-pages';
import { launchPersistentChromium } from '../test/e2e/support/browser';
import { startStaticServer } from '../test/e2e/support/static-server';
import { DIST_WEB, ensureWebBuild } from '../test/e2e/support/web-build';

const STEP_TIMEOUT = Number(process.env.BENCH_STEP_TIMEOUT_MS ?? 30 * 60_000);
// The audit page objects wait this long for the audit worker.
process.env.ROSTER_AUDIT_WORKER_TIMEOUT_MS = String(STEP_TIMEOUT);

export interface BrowserMeasure {
  users: number;
  runMs: number | null;
  /** Of runMs: until the worker had the result and the page began storing it (the rest: storing, overview). */
  pipelineMs: number | null;
  longestTaskMs: number | null;
  searchMs: number | null;
  /** Every audit view opened in turn and one person explained (issue 4): total time, longest main-thread task. */
  auditMs: number | null;
  auditLongestTaskMs: number | null;
  compareMs: number | null;
  failed: string | null;
}

declare global {
  interface Window {
    benchLongTasks: { start: number; duration: number }[];
  }
}

const now = (page: Page) => page.evaluate(() => performance.now());

export async function openProject(page: Page, dir: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open project…' }).click();
  await (await chooser).setFiles(readdirSync(dir).filter((f) => /\.(csv|json)$/.test(f) && f !== 'manifest.json' && !f.startsWith('out')).map((f) => join(dir, f)));
  // The picked project replaces the sample once its files are stored: wait for it, then for its preview.
  await page.getByText('project.json (picked in the browser)').waitFor({ timeout: STEP_TIMEOUT });
  await page.getByTestId('source-preview').first().waitFor({ timeout: STEP_TIMEOUT });
}

/** A run from its click to the overview; `pipelineMs`: until the worker's result started to be stored. */
export async function runToOverview(page: Page, asOf?: string): Promise<{ totalMs: number; pipelineMs: number }> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: /^run/i }).click();
  if (asOf) await page.getByLabel(/Export date of the next run/).fill(asOf);
  const started = await now(page);
  await page.getByRole('button', { name: /^(Start run|Run again)$/ }).click();
  const phase = page.getByTestId('run-phase');
  // The previous run's "Run complete." stays until this run's first message: wait for this run first.
  await phase.filter({ hasText: /Running|Storing/ }).waitFor({ timeout: STEP_TIMEOUT });
  await phase.filter({ hasText: /Storing|complete|failed|cancelled/ }).waitFor({ timeout: STEP_TIMEOUT });
  const pipelineMs = (await now(page)) - started;
  await phase.filter({ hasText: /complete|failed|cancelled/ }).waitFor({ timeout: STEP_TIMEOUT });
  const text = (await phase.textContent()) ?? '';
  if (!text.includes('complete')) {
    const errors = await page.getByRole('list', { name: 'Run errors' }).innerText().catch(() => '');
    throw new Error(`run ${text.trim()} ${errors.replace(/\s+/g, ' ').slice(0, 300)}`);
  }
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: /^overview/i }).click();
  await page.getByTestId('counter-imported').waitFor({ timeout: STEP_TIMEOUT });
  return { totalMs: (await now(page)) - started, pipelineMs };
}

export async function longestTaskSince(page: Page, since: number): Promise<number> {
  return page.evaluate((from) => Math.max(0, ...window.benchLongTasks.filter((t) => t.start >= from).map((t) => t.duration)), since);
}

async function searchLatency(page: Page, query: string): Promise<number> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: /^roster/i }).click();
  await page.getByTestId('roster-row').first().waitFor({ timeout: STEP_TIMEOUT });
  const started = await now(page);
  await page.getByTestId('roster-search').fill(query);
  await page.getByTestId('roster-count').filter({ hasText: /^1 match$/ }).waitFor({ timeout: STEP_TIMEOUT });
  return (await now(page)) - started;
}

/** Opens each audit view until the audit worker answered, then explains one person. */
async function auditViews(page: Page, query: string): Promise<number> {
  const started = await now(page);
  const audit = new AuditPage(page);
  const views: AuditView[] = ['joins', 'orphans', 'conflicts', 'filters', 'keys'];
  for (const view of views) {
    await audit.open(view);
    if (view === 'orphans') await audit.orphans();
    if (view === 'keys') await audit.keyAdvice();
  }
  const explain = new ExplainPage(page);
  await explain.open();
  await explain.ask(query);
  return (await now(page)) - started;
}

async function compareTime(page: Page): Promise<number> {
  const started = await now(page);
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: /^compare/i }).click();
  await page.getByTestId('compare-matching').waitFor({ timeout: STEP_TIMEOUT });
  return (await now(page)) - started;
}

/** Measures the browser edition on one generated folder (project.json + exports). */
export async function measureBrowser(dir: string, users: number, searchEmail: string): Promise<BrowserMeasure> {
  ensureWebBuild();
  mkdirSync(join(import.meta.dirname, 'tmp'), { recursive: true });
  const server = await startStaticServer(DIST_WEB);
  // A profile on disk, as a user's browser has: IndexedDB on disk with its real quota.
  const profile = mkdtempSync(join(tmpdir(), 'roster-bench-profile-'));
  const context = await launchPersistentChromium(profile);
  const result: BrowserMeasure = { users, runMs: null, pipelineMs: null, longestTaskMs: null, searchMs: null, auditMs: null, auditLongestTaskMs: null, compareMs: null, failed: null };
  try {
    await context.addInitScript(() => {
      window.benchLongTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.benchLongTasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const crashed = new Promise<never>((_, reject) => page.on('crash', () => reject(new Error('the page crashed (out of memory?)'))));
    let doing = 'start';
    const step = <T>(what: string, work: () => Promise<T>) => {
      doing = what;
      return Promise.race([work(), crashed]);
    };
    try {
      await step('open the app', async () => {
        await page.goto(server.url);
        await page.getByTestId('source-preview').first().waitFor({ timeout: STEP_TIMEOUT });
      });
      await step('open the generated project', () => openProject(page, dir));
      const before = await now(page);
      const run = await step('run', () => runToOverview(page));
      result.runMs = run.totalMs;
      result.pipelineMs = run.pipelineMs;
      result.longestTaskMs = await longestTaskSince(page, before);
      result.searchMs = await step('search the roster', () => searchLatency(page, searchEmail));
      const auditStart = await now(page);
      result.auditMs = await step('audit views', () => auditViews(page, searchEmail));
      result.auditLongestTaskMs = await longestTaskSince(page, auditStart);
      await step('run again', () => runToOverview(page, '2099-01-01'));
      result.compareMs = await step('compare', () => compareTime(page));
    } catch (error) {
      throw new Error(`${doing}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  } catch (error) {
    result.failed = error instanceof Error ? error.message : String(error);
    // Where it stopped, for the person reading the table.
    const page = context.pages()[0];
    await page?.screenshot({ path: join(import.meta.dirname, `tmp/browser-failed-${users}.png`) }).catch(() => undefined);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await server.close();
  }
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { users: { type: 'string' }, email: { type: 'string' } } });
  const [dir] = positionals;
  const measured = await measureBrowser(dir, Number(values.users ?? 0), values.email ?? '');
  process.stdout.write(`${JSON.stringify(measured)}\n`);
}
