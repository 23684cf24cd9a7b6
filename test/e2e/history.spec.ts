/**
 * Run history in the browser edition (issue 5): the sample's two exports run in order form one history;
 * History shows the week-2 leavers pending deletion with the right days left; Compare shows the seeded
 * joiners, leavers and department changes and exports the diff; a truncated primary export trips the
 * mass-deletion safeguard. Every expectation comes from the sample's files and its week-2 manifest.
 * Fails on any page error or console error; screenshots History, Compare and the safeguard banner.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../core/history';
import { ProjectPage, RunPage } from './pages/app-pages';
import { ComparePage, HistoryPage, HistoryShell } from './pages/history-pages';
import { launchChromium, openTrackedPage, type TrackedPage } from './support/browser';
import { startStaticServer, type StaticServer } from './support/static-server';
import { DIST_WEB, ROOT, SAMPLE_DIR, ensureWebBuild } from './support/web-build';

interface Project {
  asOf: string;
  primary: string;
  deletion: { windowDays: number };
  sources: { id: string; files: string[] }[];
}
interface Manifest {
  records: Record<string, number>;
  cases: {
    joiners: { email: string }[];
    leavers: { email: string }[];
    departmentChanges: { email: string; from: string; to: string }[];
  };
}

const sample = (name: string) => join(ROOT, SAMPLE_DIR, name);
const week1 = JSON.parse(readFileSync(sample('project.json'), 'utf8')) as Project;
const week2 = JSON.parse(readFileSync(sample('project-week2.json'), 'utf8')) as Project;
const primaryFile = week2.sources.find((s) => s.id === week2.primary)?.files[0] ?? '';
const manifest = JSON.parse(readFileSync(sample(join(primaryFile.split('/')[0], 'manifest.json')), 'utf8')) as Manifest;

let browser: Browser;
let server: StaticServer;
let app: TrackedPage;

beforeAll(async () => {
  ensureWebBuild();
  server = await startStaticServer(DIST_WEB);
  browser = await launchChromium();
  app = await openTrackedPage(browser, server.url);
});

afterEach(() => {
  expect(app.errors.splice(0), 'page errors and console errors').toEqual([]);
  expect(app.foreignRequests.splice(0), 'requests outside the app origin').toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Starts a run with `start` and waits for it to end (not for the previous run's "complete"). */
async function runToCompletion(start: () => Promise<void>): Promise<void> {
  const run = new RunPage(app.page);
  await start();
  await expect.poll(() => app.page.getByTestId('run-phase').textContent(), { timeout: 30_000, interval: 50 }).toMatch(/Running|Storing/);
  const phase = await run.waitDone();
  expect(phase, (await run.errors().count()) ? await run.errors().innerText() : phase).toContain('Run complete');
}

describe('run history in the browser edition', () => {
  it('runs week 1, then opens week 2 of the sample as the same project and runs it', async () => {
    await app.page.goto(server.url);
    const project = new ProjectPage(app.page);
    await project.ready();
    expect(await app.page.getByLabel('Export date (asOf)').inputValue()).toBe(week1.asOf);
    await runToCompletion(() => project.run());

    await new HistoryShell(app.page).openSampleExport(/week 2/i);
    await project.ready();
    await expect.poll(() => app.page.getByLabel('Export date (asOf)').inputValue()).toBe(week2.asOf);
    await runToCompletion(() => project.run());
  });

  it('shows the week-2 leavers pending deletion with the days left', async () => {
    await new HistoryShell(app.page).goto('History');
    const history = new HistoryPage(app.page);
    await history.ready(2);
    expect(await history.runs().allTextContents()).toEqual([expect.stringContaining(week1.asOf), expect.stringContaining(week2.asOf)]);
    const candidates = new Map((await history.candidates()).map((c) => [c.email, c]));
    const deleteAfter = addDays(week2.asOf, week2.deletion.windowDays);
    const expected = String(daysBetween(week2.asOf, deleteAfter));
    expect(manifest.cases.leavers.length).toBeGreaterThan(0);
    for (const leaver of manifest.cases.leavers) {
      expect(candidates.get(leaver.email.toLowerCase()), leaver.email).toEqual({ email: leaver.email.toLowerCase(), daysLeft: expected, deleteAfter, missingSince: week2.asOf });
    }
    await app.screenshot('history');
    await app.screenshot('history-full', true);
  });

  it('compares week 1 with week 2: joiners added, leavers removed, departments changed', async () => {
    await new HistoryShell(app.page).goto('Compare');
    const compare = new ComparePage(app.page);
    await compare.ready();
    await app.screenshot('compare');

    expect(await compare.tab('added')).toBe(manifest.cases.joiners.length);
    for (const joiner of manifest.cases.joiners) await compare.search(joiner.email.toLowerCase(), 1);
    expect(await compare.tab('removed')).toBe(manifest.cases.leavers.length);
    for (const leaver of manifest.cases.leavers) await compare.search(leaver.email.toLowerCase(), 1);

    await compare.search('', (await compare.tab('changed')) || 0);
    await compare.filter('attr:department');
    await compare.search('', manifest.cases.departmentChanges.length);
    for (const move of manifest.cases.departmentChanges) {
      await compare.search(move.email.toLowerCase(), 1);
      expect(await compare.rows().first().textContent()).toContain(`department ${move.from} → ${move.to}`);
      expect(await compare.fieldOfFirst('department')).toEqual(['department', move.from, move.to]);
    }
    await app.screenshot('compare-user-diff');

    const csv = await readFile(await (await compare.exportCsv()).path(), 'utf8');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('change,user_id_a,user_id_b,join_key_a,join_key_b,matched_by,email,display_name,field,old,new');
    expect(lines.filter((l) => l.startsWith('added,'))).toHaveLength(manifest.cases.joiners.length);
    expect(lines.filter((l) => l.startsWith('removed,'))).toHaveLength(manifest.cases.leavers.length);
    expect(lines.filter((l) => l.startsWith('changed,') && l.includes(',department,'))).toHaveLength(manifest.cases.departmentChanges.length);
  });

  it('trips the mass-deletion safeguard on a truncated primary export', async () => {
    // Half of week 2's primary export, whole lines: what a cut-off download leaves.
    const lines = readFileSync(sample(primaryFile), 'utf8').split(/\r?\n/).filter((l) => l !== '');
    const kept = Math.floor((lines.length - 1) / 2);
    const truncated = [lines[0], ...lines.slice(1, 1 + kept)].join('\r\n') + '\r\n';
    const shell = new HistoryShell(app.page);
    await shell.goto('Project');
    const project = new ProjectPage(app.page);
    await project.ready();
    await app.page.getByRole('button', { name: `Remove ${primaryFile} from ${week2.primary}` }).click();
    const [chooser] = await Promise.all([app.page.waitForEvent('filechooser'), app.page.getByTestId('drop-zone').getByRole('button', { name: 'Add files…' }).click()]);
    await chooser.setFiles({ name: 'workday-truncated.csv', mimeType: 'text/csv', buffer: Buffer.from(truncated) });
    await app.page.getByRole('list', { name: `Files of ${week2.primary}` }).getByText('workday-truncated.csv').waitFor();

    // The next day's export: set on the Run screen, so the run comes after week 2 in the history.
    const nextDay = addDays(week2.asOf, 1);
    await shell.goto('Run');
    await app.page.getByTestId('run-as-of').fill(nextDay);
    await app.screenshot('run-as-of');
    await runToCompletion(() => app.page.getByRole('button', { name: /Start run|Run again/ }).click());

    await shell.goto('Overview');
    const banner = app.page.getByTestId('safeguard-banner');
    await banner.waitFor();
    const text = (await banner.textContent()) ?? '';
    expect(text).toContain('Mass deletion');
    expect(text).toContain(`the primary source "${week2.primary}" has ${kept.toLocaleString('en-US')} records`);
    expect(text).toContain(`the previous run had ${manifest.records[week2.primary].toLocaleString('en-US')}`);
    await app.page.getByTestId('chart-completeness').locator('.recharts-bar-rectangle').first().waitFor();
    await app.screenshot('safeguard-overview');

    await shell.goto('Roster');
    await app.page.getByTestId('safeguard-banner').waitFor();
    await app.screenshot('safeguard-roster');
    await shell.goto('History');
    const history = new HistoryPage(app.page);
    await history.ready(3);
    expect(await history.runs().nth(2).textContent()).toContain('safeguard tripped');
    const candidates = await history.candidates();
    expect(candidates.length).toBeGreaterThan(lines.length - 1 - kept - manifest.cases.joiners.length);
    await app.screenshot('safeguard-history');

    // Every page of the run says it first: the audit views, explain, and compare with the run before.
    for (const screen of ['Audit', 'Explain', 'Compare'] as const) {
      await shell.goto(screen);
      await app.page.getByTestId('safeguard-banner').waitFor();
    }
  });
});

const LARGE = Number(process.env.ROSTER_AUDIT_E2E_LARGE ?? 0);

describe.skipIf(!(LARGE >= 1000))(`compare at ${LARGE.toLocaleString('en-US')} users per run (ROSTER_AUDIT_E2E_LARGE)`, () => {
  it('compares two large runs in a worker while the page keeps answering', async () => {
    const large = await openTrackedPage(browser, server.url);
    try {
      await large.page.goto(server.url);
      const project = new ProjectPage(large.page);
      await project.ready();
      await project.run();
      await new RunPage(large.page).waitDone();
      // Two runs written through the app's repository, a week apart (support/large-run-page.ts).
      const { cloneComparedRuns, injectLargeRunHelpers } = await import('./support/large-run');
      await injectLargeRunHelpers(large.page);
      const expected = await cloneComparedRuns(large.page, LARGE);
      await large.page.reload();
      // The page's longest stall while the worker loads and diffs: measured by a timer in the page.
      await large.page.evaluate(() => {
        const w = window as unknown as { stall: number; last: number };
        w.stall = 0;
        w.last = performance.now();
        setInterval(() => {
          const now = performance.now();
          w.stall = Math.max(w.stall, now - w.last);
          w.last = now;
        }, 50);
      });
      const started = Date.now();
      await new HistoryShell(large.page).goto('Compare');
      const compare = new ComparePage(large.page);
      await large.page.getByTestId('compare-matching').waitFor({ timeout: 1_800_000 });
      const ms = Date.now() - started;
      const stall = await large.page.evaluate(() => (window as unknown as { stall: number }).stall);
      console.info(`compare of 2 x ${LARGE} users: ${ms} ms, longest page stall ${Math.round(stall)} ms`);
      expect(await compare.tab('removed')).toBe(expected.removed);
      expect(await compare.tab('added')).toBe(expected.added);
      await compare.tab('changed');
      await compare.filter('attr:department');
      await compare.search('', expected.moved);
      await large.screenshot('compare-large');
      expect(stall).toBeLessThan(1000);
      expect(large.errors).toEqual([]);
    } finally {
      await large.context.close();
    }
  }, 3_600_000);
});
