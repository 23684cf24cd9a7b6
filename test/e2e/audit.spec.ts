/**
 * The audit views and Explain end to end on the bundled sample, in Chromium (issue 4). Seeded people come
 * from the generator's manifest (never hard-coded); the expected words come from core run in this process
 * over the same files, so the app must say exactly what the CLI says. Fails on any page error; saves a
 * screenshot of every view to test-results/screens/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { keyAdvice } from '../../core/advice/key-advice';
import { suggestLinks } from '../../core/advice/suggest-links';
import { explain } from '../../core/explain/explain';
import { conflictsCsv } from '../../core/export/tables';
import { runPipeline } from '../../core/pipeline';
import type { ProjectInput } from '../../core/project/schema';
import { RECORD_STATES, type RunResult } from '../../core/types';
import { whatIf } from '../../core/whatif/whatif';
import { AuditPage, ExplainPage } from './pages/audit-pages';
import { ProjectPage, RunPage } from './pages/app-pages';
import { launchChromium, openTrackedPage, type TrackedPage } from './support/browser';
import { startStaticServer, type StaticServer } from './support/static-server';
import { DIST_WEB, ROOT, SAMPLE_DIR, ensureWebBuild } from './support/web-build';

type Case = Record<string, string>;
const dir = join(ROOT, SAMPLE_DIR);
const project = JSON.parse(readFileSync(join(dir, 'project.json'), 'utf8')) as ProjectInput;
const manifestFile = project.sources[0].files[0].replace(/[^/]+$/, 'manifest.json');
const manifest = JSON.parse(readFileSync(join(dir, manifestFile), 'utf8')) as { cases: Record<string, Case[]> };
const first = (category: string, where: (c: Case) => boolean = () => true): Case => {
  const found = manifest.cases[category]?.find(where);
  if (!found) throw new Error(`no ${category} case in ${manifestFile}`);
  return found;
};
const count = (n: number) => new Intl.NumberFormat('en-US').format(n);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let browser: Browser;
let server: StaticServer;
let app: TrackedPage;
/** The sample run by core in this process: what the app must show. */
let run: RunResult;

beforeAll(async () => {
  ensureWebBuild();
  const inputs = project.sources.flatMap((s) => s.files.map((name) => ({ source: s.id, name, bytes: new Uint8Array(readFileSync(join(dir, name))) })));
  run = await runPipeline(inputs, project, { keepRaw: true });
  server = await startStaticServer(DIST_WEB);
  browser = await launchChromium();
  app = await openTrackedPage(browser, server.url);
  await app.page.goto(server.url);
  await new ProjectPage(app.page).ready();
  await new ProjectPage(app.page).run();
  expect(await new RunPage(app.page).waitDone()).toContain('Run complete');
});

afterEach(() => {
  expect(app.errors.splice(0), 'page errors and console errors').toEqual([]);
  expect(app.foreignRequests.splice(0), 'requests outside the app origin').toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('audit views on the sample', () => {
  it('shows records per source and state, and a record raw beside mapped', async () => {
    const audit = new AuditPage(app.page);
    await audit.open('joins');
    for (const source of project.sources) {
      for (const state of RECORD_STATES) expect(await audit.cell(source.id, state).textContent(), `${source.id} ${state}`).toBe(count(run.stats.perSource[source.id][state]));
    }
    const admin = first('adminDuplicate', (c) => c.source === 'okta');
    const detail = await audit.openCellRecord('okta', 'duplicate');
    expect(await detail.textContent()).toContain('policy "prefer-active"');
    expect(await detail.getByTestId('record-raw').textContent()).toMatch(/"id": "00u/);
    expect(run.records.filter((r) => r.state === 'duplicate').map((r) => r.externalId)).toContain(admin.externalId);
    await app.screenshot('audit-joins');
  });

  it('suggests the work account for a chat user with a personal email', async () => {
    const audit = new AuditPage(app.page);
    await audit.open('orphans');
    const expected = suggestLinks(run);
    await audit.orphans();
    expect(await app.page.getByTestId('orphan-summary').textContent()).toMatch(
      new RegExp(`^${count(expected.length)} orphan records; ${count(expected.filter((o) => o.suggestions.length > 0).length)} with a suggested roster user`),
    );
    await app.screenshot('audit-orphans');
    const personal = first('chatPersonalEmail');
    await audit.filterOrphans('slack', true);
    const row = app.page.getByTestId('orphan-row').filter({ hasText: personal.personalEmail });
    await row.waitFor();
    expect(await row.getByTestId('suggestion').first().textContent()).toMatch(new RegExp(`${escape(personal.email)}.*first and last name are equal`));
  });

  it('lists duplicate keys with the record kept and why, and exports them as CSV', async () => {
    const audit = new AuditPage(app.page);
    await audit.open('conflicts');
    const admin = first('adminDuplicate', (c) => c.source === 'okta');
    await audit.conflictRows().first().waitFor();
    await app.screenshot('audit-conflicts');
    const download = await audit.exportConflicts();
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toBe([...conflictsCsv(run.conflicts.filter((c) => c.kind === 'duplicate-key'))].join(''));
    expect(csv).toMatch(new RegExp(`duplicate-key,okta,${escape(admin.email)},kept,[^\\n]*${admin.personExternalId}`));
    expect(csv).toMatch(new RegExp(`duplicate-key,okta,${escape(admin.email)},dropped,[^\\n]*${admin.externalId}`));
    await app.page.getByRole('status').filter({ hasText: 'Exported' }).getByRole('button', { name: 'Dismiss' }).click();
  });

  it('counts filter hits, lists what a rule removed, and shows what switching it off would change', async () => {
    const audit = new AuditPage(app.page);
    await audit.open('filters');
    const svc = first('filteredServiceAccount', (c) => c.source === 'okta');
    const records = await audit.ruleRecords('okta', 'service accounts');
    expect(await records.count()).toBeGreaterThan(0);
    await records.filter({ hasText: svc.externalId }).click();
    expect(await app.page.getByTestId('record-raw').textContent()).toContain(svc.login);
    const panel = await audit.whatIf('okta', 'service accounts', false);
    const expected = whatIf(run, [{ source: 'okta', rule: 'service accounts', enabled: false }]);
    expect(await panel.getByTestId('what-if-users').textContent()).toBe(`Roster users${count(expected.before.users)}${count(expected.after.users)}0`);
    const { before, after } = { before: expected.before.perSource.okta, after: expected.after.perSource.okta };
    expect(await panel.getByTestId('what-if-okta-filtered').textContent()).toBe(`${count(before.filtered)} → ${count(after.filtered)} (−${count(before.filtered - after.filtered)})`);
    expect(await panel.getByTestId('what-if-okta-orphan').textContent()).toBe(`${count(before.orphan)} → ${count(after.orphan)} (+${count(after.orphan - before.orphan)})`);
    await app.screenshot('audit-filters', true);
  });

  it('recommends employee_id, the key that matches more, and calls out the email key', async () => {
    const audit = new AuditPage(app.page);
    await audit.open('keys');
    const advice = keyAdvice(run);
    const { recommendation, callout } = await audit.keyAdvice();
    expect(advice.recommended.key).toBe('employee_id');
    expect(await recommendation.textContent()).toBe(advice.summary);
    expect(advice.summary).toMatch(/^Recommended: join on employee_id/);
    expect(await callout.textContent()).toBe(advice.callout);
    await app.screenshot('audit-keys');
  });
});

describe('explain on the sample', () => {
  const people = () => [
    { category: 'a filtered service account', query: first('filteredServiceAccount', (c) => c.source === 'okta').login },
    { category: 'an admin duplicate', query: first('adminDuplicate', (c) => c.source === 'okta').externalId },
    { category: 'an orphan chat user', query: first('orphanChatUser').slackId },
    { category: 'a user with no ticketing account', query: first('noTicketingAccount').email },
    { category: 'a user not enabled by the rule', query: first('notEnabled').email },
  ];

  it('gives the exact diagnosis of each seeded person', async () => {
    const page = new ExplainPage(app.page);
    await page.open();
    for (const { category, query } of people()) expect(await page.ask(query), category).toEqual(explain(run, query).diagnosis);

    const svc = first('filteredServiceAccount', (c) => c.source === 'okta');
    expect(await page.ask(svc.login)).toContainEqual(expect.stringMatching(new RegExp(`^the okta record "${svc.externalId}" .* is filtered out by rule "service accounts"$`)));
    const admin = first('adminDuplicate', (c) => c.source === 'okta');
    expect(await page.ask(admin.externalId)).toContainEqual(expect.stringMatching(new RegExp(`^the okta record "${admin.externalId}" .* is not used: 2 records share key "${escape(admin.email)}"`)));
    await app.screenshot('explain-admin');
    const guest = first('orphanChatUser');
    expect((await page.ask(guest.slackId))[1]).toMatch(new RegExp(`joins no one: no user of the primary source "workday" has email "${escape(guest.email)}"`));
    await app.screenshot('explain-orphan');
    const noTickets = first('noTicketingAccount');
    expect(await page.ask(noTickets.email)).toContainEqual(`cannot see tickets: no ticketing account linked (none has email "${noTickets.email}")`);
    const notEnabled = first('notEnabled');
    expect((await page.ask(notEnabled.email))[1]).toBe(
      `not enabled: rule \`department != "Sales" || country_code == "US"\` is false because department is "Sales", country_code is "${notEnabled.countryCode}"`,
    );
    await app.screenshot('explain');
    await app.screenshot('explain-full', true);
  });

  it('exports the trace as JSON and as a self-contained HTML page', async () => {
    const page = new ExplainPage(app.page);
    const admin = first('adminDuplicate', (c) => c.source === 'okta');
    await page.ask(admin.externalId);
    const json = JSON.parse(readFileSync(await (await page.export('json')).path(), 'utf8')) as { diagnosis: string[]; records: { raw?: unknown }[] };
    expect(json.diagnosis).toEqual(explain(run, admin.externalId).diagnosis);
    expect(json.records.every((r) => r.raw !== undefined)).toBe(true);
    const html = readFileSync(await (await page.export('html')).path(), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|(src|href)=["']?https?:/);
    expect(html).toContain(admin.externalId);
  });
});
