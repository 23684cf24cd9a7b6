/**
 * A new project from dropped exports (issue 7, "Done when"): one export of each recognized kind is
 * dropped at once on the project screen of a new project; each is recognized, the primary source and
 * joining key are proposed, and the project runs without hand-editing, to the numbers the CLI gets from
 * `roster-audit init` + `run` on the same files. Four of the files are called `users.json` (one `Users.json`):
 * none may replace another.
 */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OverviewPage, ProjectPage, RunPage, Shell } from './pages/app-pages';
import { launchChromium, openTrackedPage, type TrackedPage } from './support/browser';
import { cli, type CliOutput } from './support/cli';
import { startStaticServer, type StaticServer } from './support/static-server';
import { DIST_WEB, ROOT, ensureWebBuild } from './support/web-build';

/** One export per preset, in the shapes of test/fixtures/presets (written from the vendors' docs). */
const EXPORTS = [
  'workday-worker-report/workers.csv',
  'okta-users-api/users.json',
  'okta-users-csv/okta-password-health.csv',
  'msgraph-users/users-page-2.json',
  'entra-users-csv/exportUsers_2026-11-2.csv',
  'slack-users-list/users.list.json',
  'servicenow-sys-user/sys_user.json',
  'servicenow-sys-user-csv/sys_user.csv',
  'google-directory-users/users.json',
  'google-admin-users-csv/User_Download_02112026_080000.csv',
  'scim-list-response/Users.json',
  'jira-users/users.json',
].map((f) => join(ROOT, 'test/fixtures/presets', f));

let browser: Browser;
let server: StaticServer;
let app: TrackedPage;
let expected: CliOutput['report'];

beforeAll(async () => {
  ensureWebBuild();
  // The CLI's answer for the same files: init proposes the project, run runs it.
  const dir = mkdtempSync(join(tmpdir(), 'roster-audit-init-'));
  const copies = EXPORTS.map((f, i) => {
    const copy = join(dir, `${i}-${basename(f)}`);
    copyFileSync(f, copy);
    return copy;
  });
  cli(['init', ...copies, '--out', join(dir, 'project.json')]);
  cli(['run', join(dir, 'project.json'), '--out', join(dir, 'out'), '--quiet']);
  expected = JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8')) as CliOutput['report'];
  server = await startStaticServer(DIST_WEB);
  browser = await launchChromium();
  app = await openTrackedPage(browser, server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a new project from dropped exports', () => {
  it('recognizes every dropped export and proposes primary source and key', async () => {
    await app.page.goto(server.url);
    await new ProjectPage(app.page).ready();
    await app.page.getByRole('button', { name: 'New project' }).click();
    await app.page.getByTestId('exports-drop').waitFor();
    expect(await app.page.getByTestId('exports-drop').textContent()).toContain('Start here');

    // A real drop: a DataTransfer holding the files, dispatched as the browser dispatches a drag and drop.
    const files = EXPORTS.map((f) => ({ name: basename(f), base64: readFileSync(f).toString('base64') }));
    await app.page.evaluate((dropped) => {
      const transfer = new DataTransfer();
      for (const f of dropped) transfer.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
      const zone = document.querySelector('[data-testid="exports-drop"]');
      if (!zone) throw new Error('no drop zone');
      for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, files);

    const outcome = app.page.getByTestId('exports-outcome');
    await outcome.waitFor({ timeout: 60_000 });
    const text = (await outcome.textContent()) ?? '';
    expect(text).toContain(`${EXPORTS.length} sources proposed for this project`);
    expect(text).toContain('primary: "workday", the first HR source');
    expect(text).not.toContain('guessed');
    expect(text).not.toContain('Not added');
    // Okta's, Google's, SCIM's and Jira's users.json are four files (names compared case-insensitively).
    for (const name of ['okta ← users.json', 'google ← users-2.json', 'scim ← Users-3.json', 'jira ← users-4.json']) expect(text).toContain(name);
    expect(await new ProjectPage(app.page).sourceTabs().count()).toBe(EXPORTS.length + 1);
    await app.page.getByTestId('source-preview').first().waitFor({ timeout: 30_000 });
    await app.screenshot('project-new-from-exports', true);
  });

  it("runs as proposed, without hand-editing, to the CLI's numbers for init + run", async () => {
    await expect.poll(() => app.page.getByTestId('run-project').isEnabled()).toBe(true);
    await new ProjectPage(app.page).run();
    const run = new RunPage(app.page);
    const phase = await run.waitDone();
    expect(phase, (await run.errors().count()) ? await run.errors().innerText() : phase).toContain('Run complete');
    await new Shell(app.page).goto('overview');
    const overview = new OverviewPage(app.page);
    await overview.ready();
    const { stats } = expected;
    expect(stats.users).toBeGreaterThan(0);
    expect({
      imported: await overview.counter('imported'),
      enabled: await overview.counter('enabled'),
      chat: await overview.counter('chat'),
      itsm: await overview.counter('itsm'),
      idam: await overview.counter('idam'),
    }).toEqual({ imported: stats.users, enabled: stats.enabled, chat: stats.coverage.chat, itsm: stats.coverage.itsm, idam: stats.coverage.idam });
    expect(app.errors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });
});
