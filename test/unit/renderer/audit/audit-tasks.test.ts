/**
 * The audit worker's tasks over a stored run give exactly what core gives over the run in memory: the
 * stored records, roster and conflicts rebuild the run, and raw records are read back for what a trace
 * shows and for what-if rules that read `raw` (issue 4).
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { keyAdvice } from '../../../../core/advice/key-advice';
import { suggestLinks } from '../../../../core/advice/suggest-links';
import { explain } from '../../../../core/explain/explain';
import type { RunResult } from '../../../../core/types';
import { whatIf } from '../../../../core/whatif/whatif';
import { auditRepo, createAuditRepo } from '../../../../renderer/db/repo-audit';
import { db } from '../../../../renderer/db/db';
import { createRepo } from '../../../../renderer/db/repo';
import { createAuditTasks } from '../../../../renderer/worker/audit-tasks';
import { resetDb } from '../support/render-app';
import { storeRun } from '../support/store-run';
import { recordTracked } from '../history/history-runs';
import { smallRun } from './small-run';

let result: RunResult;
let runId: string;

beforeAll(async () => {
  await resetDb();
  result = await smallRun();
  runId = await storeRun('sample:test', result);
});

describe('audit tasks over a stored run', () => {
  it.each([
    { description: 'a filtered service account', query: 'svc-backup@example.com' },
    { description: 'an admin duplicate, by its id', query: 'o3' },
    { description: 'an orphan chat user', query: 'U4' },
    { description: 'a user not enabled by the rule', query: 'bob.roy@example.com' },
    { description: 'a person by first and last name', query: 'Cy Fox' },
    { description: 'nothing', query: 'nobody@nowhere.example' },
  ])('explains $description as core does, raw records included', async ({ query }) => {
    const trace = await createAuditTasks(auditRepo).run({ type: 'explain', runId, query });
    expect(trace).toEqual(explain(result, query));
  });

  it('loads the run once for several tasks', async () => {
    const repo = createAuditRepo(db);
    const loadRecords = vi.spyOn(repo, 'loadRecords');
    const tasks = createAuditTasks(repo);
    const first: string[] = [];
    const second: string[] = [];
    // The second task comes while the first is loading: it waits for the same load and hears its progress.
    await Promise.all([tasks.run({ type: 'load', runId }, (m) => first.push(m)), tasks.run({ type: 'explain', runId, query: 'U4' }, (m) => second.push(m))]);
    await tasks.run({ type: 'key-advice', runId });
    expect(loadRecords).toHaveBeenCalledTimes(1);
    expect(first).toContain('Loading records: 18 of 18');
    expect(second).toContain('Loading records: 18 of 18');
  });

  it('suggests links and advises on the key as core does', async () => {
    const tasks = createAuditTasks(auditRepo);
    const suggestions = await tasks.run({ type: 'suggest-links', runId });
    expect(suggestions).toEqual(suggestLinks(result));
    expect(suggestions.find((s) => s.record.externalId === 'U4')?.suggestions[0]).toMatchObject({ key: 'ann.lee@example.com', reasons: expect.arrayContaining(['first and last name are equal']) });
    expect(await tasks.run({ type: 'key-advice', runId })).toEqual(keyAdvice(result));
  });

  it('answers what-if with the numbers of core, naming the users added', async () => {
    const toggles = [{ source: 'hr', rule: 'terminated', enabled: false }];
    const summary = await createAuditTasks(auditRepo).run({ type: 'what-if', runId, toggles });
    const expected = whatIf(result, toggles);
    expect(summary).toMatchObject({ before: expected.before, after: expected.after, added: 1, removed: 0, issues: [] });
    expect(summary.addedExamples).toEqual([{ userId: expected.added[0], key: 'eve.ng@example.com', label: 'Eve Ng' }]);
  });

  it('reads the raw records back for a rule switched on that reads raw', async () => {
    const toggles = [{ source: 'okta', rule: 'deprovisioned', enabled: true }];
    const summary = await createAuditTasks(auditRepo).run({ type: 'what-if', runId, toggles });
    expect(summary.issues).toEqual([]);
    expect(summary.after.perSource.okta.filtered).toBe(result.stats.perSource.okta.filtered + 1);
    expect(summary.after.perSource.okta.orphan).toBe(result.stats.perSource.okta.orphan - 1);
    expect(summary.after).toEqual(whatIf(result, toggles).after);
  });

  it('refuses a query too broad to be one person, with the numbers', async () => {
    const tasks = createAuditTasks(auditRepo, { explainMaxRecords: 1 });
    await expect(tasks.run({ type: 'explain', runId, query: 'Engineering' })).rejects.toThrow(
      '“Engineering” matches 2 records (2 on department): too many to trace one person. Quote something that names one person',
    );
    expect((await tasks.run({ type: 'explain', runId, query: 'E5' })).diagnosis).toEqual(explain(result, 'E5').diagnosis);
  });

  it('fails clearly on a run that is not stored', async () => {
    await expect(createAuditTasks(auditRepo).run({ type: 'key-advice', runId: 'gone' })).rejects.toThrow('Run gone is not stored (anymore).');
  });

  it('sees only the users a run found, not the leavers history keeps pending (issue 4)', async () => {
    // Week 2 lacks Dee Wu (E5) in HR: the stored run keeps her as pending deletion after its present users.
    await recordTracked(db, 'small:history', await smallRun('2025-03-01'));
    const week2 = await smallRun('2025-03-03', ['E5']);
    const week2Id = await recordTracked(db, 'small:history', week2);
    const stored = await createRepo(db).rosterUsers(week2Id);
    expect(stored.map((u) => [u.key, u.lifecycle])).toContainEqual(['dee.wu@example.com', 'pending-deletion']);

    const tasks = createAuditTasks(auditRepo);
    const unchanged = await tasks.run({ type: 'what-if', runId: week2Id, toggles: [] });
    expect(unchanged).toMatchObject({ added: 0, removed: 0 });
    expect(unchanged.after).toEqual(week2.stats);
    const trace = await tasks.run({ type: 'explain', runId: week2Id, query: 'dee.wu@example.com' });
    expect(trace.diagnosis).toEqual(explain(week2, 'dee.wu@example.com').diagnosis);
    expect(trace.users).toEqual([]);
    const suggestions = await tasks.run({ type: 'suggest-links', runId: week2Id });
    expect(suggestions).toEqual(suggestLinks(week2));
  });
});
