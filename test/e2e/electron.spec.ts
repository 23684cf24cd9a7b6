/**
 * The desktop app end to end through Playwright's Electron support: the same scenario as the browser
 * edition (browser.spec.ts) on the built app (out/), with a temporary userData folder. Where no Electron
 * runtime is installed (an offline machine: node_modules/electron/dist missing) the suite reports itself
 * skipped with that reason; it never tries to download the runtime.
 */
import Papa from 'papaparse';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../electron/launch/runtime.mjs';
import { OverviewPage, ProjectPage, RosterPage, RunPage, Shell } from './pages/app-pages';
import { SCREENS_DIR } from './support/browser';
import { runCli, type CliOutput } from './support/cli';
import { ROOT } from './support/web-build';

const binary = findElectronBinary(ROOT, process.env);
const skipReason = binary ? null : 'no Electron runtime on this machine (node_modules/electron/dist missing)';
const suite = skipReason ? describe.skip : describe;

if (skipReason) {
  describe('desktop app (Electron)', () => {
    it('is skipped, and says why', () => {
      process.stderr.write(`\n[e2e] Electron end-to-end suite SKIPPED: ${skipReason}. The same scenario ran against the browser edition in Chromium.\n`);
      expect(binary).toBeNull();
    });
  });
}

let app: ElectronApplication;
let page: Page;
let cli: CliOutput;
const errors: string[] = [];
/** Requests the session let out to a network (http, https, ws...); the app's own files are file:// or app:. */
const networkRequests: string[] = [];

async function screenshot(name: string): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENS_DIR, `electron-${name}.png`) });
}

suite(`desktop app (Electron)${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  beforeAll(async () => {
    execFileSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    cli = runCli('examples/acme/project.json');
    const userData = mkdtempSync(join(tmpdir(), 'roster-audit-e2e-'));
    app = await electron.launch({
      executablePath: binary ?? undefined,
      args: [ROOT],
      cwd: ROOT,
      env: { ...process.env, ROSTER_AUDIT_USER_DATA: userData, ELECTRON_ENABLE_LOGGING: '1' },
    });
    // Every request of the window and its workers (issue 8: the session refuses them; none may be made).
    app.context().on('request', (request) => {
      if (/^(https?|wss?|ftp):/i.test(request.url())) networkRequests.push(request.url());
    });
    page = await app.firstWindow();
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
    });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  afterEach(() => {
    expect(errors.splice(0), 'page errors and console errors').toEqual([]);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('opens the bundled sample project on first start, with the window locked down', async () => {
    await new ProjectPage(page).ready();
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    expect(await page.evaluate(() => Object.keys((window as unknown as { api: object }).api).sort())).toEqual(['export', 'files', 'menu', 'project', 'run', 'source']);
    expect(await page.evaluate(() => fetch('https://example.com/').then(() => 'reached', () => 'refused'))).toBe('refused');
    await screenshot('project');
  });

  it('runs the sample with progress per stage', async () => {
    await new ProjectPage(page).run();
    const run = new RunPage(page);
    expect(await run.waitDone()).toContain('Run complete');
    await screenshot('run');
  });

  it("shows overview counters equal to the CLI's report.json", async () => {
    await new Shell(page).goto('overview');
    const overview = new OverviewPage(page);
    await overview.ready();
    await screenshot('overview');
    const { stats } = cli.report;
    expect({
      imported: await overview.counter('imported'),
      enabled: await overview.counter('enabled'),
      chat: await overview.counter('chat'),
      itsm: await overview.counter('itsm'),
      idam: await overview.counter('idam'),
    }).toEqual({ imported: stats.users, enabled: stats.enabled, chat: stats.coverage.chat, itsm: stats.coverage.itsm, idam: stats.coverage.idam });
  });

  it('searches a user and opens the drawer', async () => {
    await new Shell(page).goto('roster');
    const roster = new RosterPage(page);
    await roster.ready();
    await screenshot('roster');
    // A user the CLI put in the roster: the drawer shows their key, enablement and linked identities.
    const key = Papa.parse<Record<string, string>>(cli.rosterCsv.trim(), { header: true }).data[1].join_key;
    await roster.search(key);
    await roster.rows().first().click();
    const drawer = roster.drawer();
    await drawer.getByTestId('drawer-profile').waitFor();
    expect(await drawer.getByTestId('drawer-enablement').textContent()).toMatch(/enabled/i);
    expect(await drawer.textContent()).toContain(key);
    expect(await drawer.getByTestId('drawer-identities').getByRole('row').count()).toBeGreaterThan(1);
    await screenshot('roster-drawer');
  });

  it("exports a roster CSV (through main's save dialog) identical to the CLI's roster.csv", async () => {
    const target = join(mkdtempSync(join(tmpdir(), 'roster-audit-export-')), 'roster.csv');
    // Answer the native save dialog in main, as a user would.
    await app.evaluate(({ dialog }, filePath) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath })) as typeof dialog.showSaveDialog;
    }, target);
    const roster = new RosterPage(page);
    await roster.clearSearch();
    await page.getByTestId('export-roster').click();
    await expect.poll(() => {
      try {
        return readFileSync(target, 'utf8').length > 0;
      } catch {
        return false;
      }
    }).toBe(true);
    expect(readFileSync(target, 'utf8')).toEqual(cli.rosterCsv);
  });

  it('still has the run after a reload', async () => {
    await page.reload();
    await new Shell(page).goto('overview');
    const overview = new OverviewPage(page);
    await overview.ready();
    expect(await overview.runOptions().count()).toBe(1);
    expect(await overview.counter('imported')).toBe(cli.report.stats.users);
  });

  it('made no network request during the whole session but the one the first test tried (refused)', () => {
    expect(networkRequests.filter((url) => url !== 'https://example.com/')).toEqual([]);
  });
});

describe('desktop app (Electron) status', () => {
  it(skipReason ? `skipped: ${skipReason}` : 'ran against the Electron runtime', () => {
    expect(skipReason === null || skipReason.includes('node_modules/electron/dist')).toBe(true);
  });
});
