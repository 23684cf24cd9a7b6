/**
 * The browser edition end to end, in Debian's Chromium: first start opens the bundled sample, a run of it
 * matches the CLI's report.json and roster.csv, search and the user drawer work, and the run survives a
 * reload. Fails on any page error or console error; saves a screenshot of every screen (issue 3).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OverviewPage, ProjectPage, RosterPage, RunPage, Shell } from './pages/app-pages';
import { launchChromium, openTrackedPage, type TrackedPage } from './support/browser';
import { runCli, type CliOutput } from './support/cli';
import { startStaticServer, type StaticServer } from './support/static-server';
import { DIST_WEB, SAMPLE_DIR, ensureWebBuild } from './support/web-build';

let browser: Browser;
let server: StaticServer;
let app: TrackedPage;
let cli: CliOutput;

beforeAll(async () => {
  ensureWebBuild();
  cli = runCli(join(SAMPLE_DIR, 'project.json'));
  server = await startStaticServer(DIST_WEB);
  browser = await launchChromium();
  app = await openTrackedPage(browser, server.url);
});

afterEach(() => {
  // splice: each test answers for its own errors only.
  expect(app.errors.splice(0), 'page errors and console errors').toEqual([]);
  expect(app.foreignRequests.splice(0), 'requests outside the app origin').toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The join_key column of a roster.csv, row by row. */
function joinKeys(csv: string): string[] {
  return Papa.parse<Record<string, string>>(csv.trim(), { header: true }).data.map((row) => row.join_key);
}

describe('browser edition', () => {
  it('opens the bundled sample project on first start, ready to run', async () => {
    await app.page.goto(server.url);
    const project = new ProjectPage(app.page);
    await project.ready();
    expect(await new Shell(app.page).projectName().textContent()).toMatch(/\S/);
    const sample = JSON.parse(await readFile(join(DIST_WEB, 'sample/acme/project.json'), 'utf8')) as { sources: unknown[] };
    // One tab per source, plus "Add source".
    expect(await project.sourceTabs().count()).toBe(sample.sources.length + 1);
    await expect.poll(() => app.page.getByTestId('detected-format').first().textContent()).toMatch(/csv|json|ndjson/);
    await app.screenshot('project');
    await app.screenshot('project-full', true);
  });

  it('runs the sample with progress per stage', async () => {
    await new ProjectPage(app.page).run();
    const run = new RunPage(app.page);
    const phase = await run.waitDone();
    expect(phase, (await run.errors().count()) ? await run.errors().innerText() : phase).toContain('Run complete');
    await app.screenshot('run');
  });

  it("shows overview counters equal to the CLI's report.json", async () => {
    await new Shell(app.page).goto('overview');
    const overview = new OverviewPage(app.page);
    await overview.ready();
    await app.page.getByTestId('chart-completeness').locator('.recharts-bar-rectangle').first().waitFor();
    await app.screenshot('overview');
    await app.screenshot('overview-full', true);
    const { stats } = cli.report;
    expect({
      imported: await overview.counter('imported'),
      enabled: await overview.counter('enabled'),
      chat: await overview.counter('chat'),
      itsm: await overview.counter('itsm'),
      idam: await overview.counter('idam'),
    }).toEqual({ imported: stats.users, enabled: stats.enabled, chat: stats.coverage.chat, itsm: stats.coverage.itsm, idam: stats.coverage.idam });
  });

  it('searches a user and opens the drawer with profile, lineage and identities', async () => {
    await new Shell(app.page).goto('roster');
    const roster = new RosterPage(app.page);
    await roster.ready();
    await app.screenshot('roster');
    const key = joinKeys(cli.rosterCsv)[1];
    await roster.search(key);
    await roster.rows().first().click();
    const drawer = roster.drawer();
    await drawer.getByTestId('drawer-profile').waitFor();
    expect(await drawer.getByTestId('drawer-enablement').textContent()).toMatch(/enabled/i);
    expect(await drawer.textContent()).toContain(key);
    expect(await drawer.getByTestId('drawer-identities').getByRole('row').count()).toBeGreaterThan(1);
    await app.screenshot('roster-drawer');
  });

  it("exports a roster CSV identical to the CLI's roster.csv", async () => {
    await new RosterPage(app.page).clearSearch();
    const download = await new RosterPage(app.page).exportCsv();
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^user_id,state,enabled,enabled_reason,join_key,coverage,/);
    expect(csv).toEqual(cli.rosterCsv);
  });

  it('still has the run after a reload', async () => {
    await app.page.reload();
    await new Shell(app.page).goto('overview');
    const overview = new OverviewPage(app.page);
    await overview.ready();
    expect(await overview.runOptions().count()).toBe(1);
    expect(await overview.counter('imported')).toBe(cli.report.stats.users);
  });

  it('is usable from the keyboard: a screen tab, the roster search, a row and the drawer', async () => {
    const page = app.page;
    /** Presses Tab until the element matching `selector` has the focus (at most 60 times). */
    const tabTo = async (selector: string) => {
      for (let i = 0; i < 60; i++) {
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached ${selector}`);
    };
    await page.locator('body').focus();
    await tabTo('[data-testid="nav-roster"]');
    await page.keyboard.press('Enter');
    const roster = new RosterPage(page);
    await roster.ready();
    await tabTo('[data-testid="roster-search"]');
    const key = joinKeys(cli.rosterCsv)[2];
    await page.keyboard.type(key);
    await expect.poll(() => roster.rows().count()).toBe(1);
    await tabTo('[data-testid="roster-row"]');
    await page.keyboard.press('Enter');
    const drawer = roster.drawer();
    await drawer.getByTestId('drawer-profile').waitFor();
    expect(await drawer.textContent()).toContain(key);
    await page.keyboard.press('Escape');
    await expect.poll(() => drawer.count()).toBe(0);
  });

  it('made no request outside its own origin during the whole session (issue 8)', () => {
    // afterEach fails any test that made one; this says the recorder heard the app's own requests at all.
    expect(app.ownRequests()).toBeGreaterThan(0);
    expect(app.foreignRequests).toEqual([]);
  });
});
