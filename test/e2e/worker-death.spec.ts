/**
 * The pipeline worker dying mid-run (issue 8, crash consistency), for real: the browser edition's Web
 * Worker is closed from inside while it works, which fires no error event in the page. Then the same for
 * the worker that stores the run. The run screen
 * must say what happened and offer to run again; IndexedDB must hold no row of the dead run, and the
 * earlier run must stay whole.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../examples/generator/generate';
import { ProjectPage, RunPage } from './pages/app-pages';
import { launchChromium, openTrackedPage, type TrackedPage } from './support/browser';
import { startStaticServer, type StaticServer } from './support/static-server';
import { DIST_WEB, ensureWebBuild } from './support/web-build';

/** Runs and their stored rows (blocks, summaries, lookups) per run, read straight from IndexedDB in the page. */
function storedRuns(): Promise<{ id: string; status: string; rows: number }[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('roster-audit');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tables = ['blocks', 'summaries', 'runIndex'];
      const tx = open.result.transaction(['runs', ...tables], 'readonly');
      const runs = tx.objectStore('runs').getAll();
      const keys = tables.map((table) => tx.objectStore(table).getAllKeys());
      tx.oncomplete = () => {
        const all = keys.flatMap((request) => request.result as [string, ...unknown[]][]);
        resolve((runs.result as { id: string; status: string }[]).map((r) => ({ id: r.id, status: r.status, rows: all.filter((k) => k[0] === r.id).length })));
        open.result.close();
      };
    };
  });
}

let browser: Browser;
let server: StaticServer;
let app: TrackedPage;
let bigDir: string;

beforeAll(async () => {
  ensureWebBuild();
  // Big enough that the worker is still busy when it is closed (seconds of work on two cores).
  bigDir = mkdtempSync(join(tmpdir(), 'roster-audit-death-'));
  await generate({ users: 30_000, seed: 5, snapshot: 1, asOf: '2026-11-02', out: bigDir });
  server = await startStaticServer(DIST_WEB);
  browser = await launchChromium();
  app = await openTrackedPage(browser, server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the pipeline worker dies mid-run', () => {
  it('stores nothing of the dead run, keeps the earlier run, and says so with "Run again"', async () => {
    await app.page.goto(server.url);
    const project = new ProjectPage(app.page);
    await project.ready();
    await project.run();
    expect(await new RunPage(app.page).waitDone()).toContain('Run complete');
    const before = await app.page.evaluate(storedRuns);
    expect(before).toHaveLength(1);
    expect(before[0]).toMatchObject({ status: 'complete' });

    // Open the generated project (project.json and its four exports) through the picker.
    const chooser = app.page.waitForEvent('filechooser');
    await app.page.getByRole('button', { name: 'Open project…' }).click();
    await (await chooser).setFiles(readdirSync(bigDir).filter((f) => f !== 'manifest.json').map((f) => join(bigDir, f)));
    await project.ready();

    const worker = app.page.waitForEvent('worker', { predicate: (w) => w.url().includes('pipeline.worker'), timeout: 60_000 });
    await project.run();
    // Once the run reports progress the worker holds its lock; then it closes itself, as a crash would end it.
    await app.page.getByTestId('run-phase').filter({ hasText: 'Running' }).waitFor();
    await app.page.getByRole('list', { name: 'Run progress' }).locator('.stage-running').first().waitFor({ timeout: 60_000 });
    await (await worker).evaluate(() => self.close());

    const phase = await new RunPage(app.page).waitDone();
    expect(phase).toContain('The run failed; nothing was stored.');
    expect(await new RunPage(app.page).errors().innerText()).toContain('The pipeline worker stopped unexpectedly; nothing was stored.');
    await expect.poll(() => app.page.getByRole('button', { name: 'Run again' }).isEnabled()).toBe(true);
    await app.screenshot('run-worker-died');

    const after = await app.page.evaluate(storedRuns);
    expect(after).toEqual(before);
    expect(app.errors).toEqual([]);
  });

  it('the storing worker dying while a run is stored also leaves nothing of that run, and says so', async () => {
    const before = await app.page.evaluate(storedRuns);
    // The generated project is still open from the test above, on its run screen. The storing worker lives
    // on between runs (it stored the first run and discarded the dead one).
    await app.page.getByRole('button', { name: 'Run again' }).click();
    await app.page.getByTestId('run-phase').filter({ hasText: 'Storing' }).waitFor({ timeout: 120_000 });
    const storing = app.page.workers().filter((w) => w.url().includes('store.worker'));
    expect(storing).toHaveLength(1);
    await storing[0].evaluate(() => self.close());

    const phase = await new RunPage(app.page).waitDone();
    expect(phase).toContain('The run failed; nothing was stored.');
    expect(await new RunPage(app.page).errors().innerText()).toContain('The storing worker stopped');
    await expect.poll(() => app.page.getByRole('button', { name: 'Run again' }).isEnabled()).toBe(true);
    // The discard ran in a fresh storing worker: no row of the failed run, the earlier runs whole.
    await expect.poll(() => app.page.evaluate(storedRuns), { timeout: 30_000 }).toEqual(before);
    expect(app.errors).toEqual([]);
  });
});
