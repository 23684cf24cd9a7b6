/**
 * Crash consistency of stored runs (issue 8): a run cancelled at any stage, or whose worker dies, leaves
 * no run and no rows in IndexedDB and the earlier runs intact, and the run screen says what happened and
 * offers to run again; a full storage (QuotaExceededError in a chunk write) stores nothing, says how much
 * space the run needs, and loses nothing else.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { streamRun, type RunMessage } from '../../../core/run/stream';
import type { RecordOutcome } from '../../../core/types';
import { crashIssue } from '../../../electron/preload/run-client';
import type { Backend, RunHandle } from '../../../renderer/backend/backend';
import { App } from '../../../renderer/components/App';
import { db as appDb, RosterDb } from '../../../renderer/db/db';
import { createRepo, repo as appRepo, type Repo } from '../../../renderer/db/repo';
import { createHistoryRepo } from '../../../renderer/db/repo-history';
import { RunRecorder } from '../../../renderer/lib/run-recorder';
import { createFakeBackend } from './support/fake-backend';
import { makeRun, PROJECT } from './support/make-run';
import { resetDb } from './support/render-app';

/** A run's messages: progress, then rows in chunks of 4, then done (9 users: 3 roster chunks, ...). */
const messages = (): RunMessage[] => [
  { type: 'progress', event: { stage: 'load', source: 'hr', done: 9, total: 9 } },
  { type: 'progress', event: { stage: 'join', done: 10, total: 10 } },
  { type: 'progress', event: { stage: 'enable', done: 9, total: 9 } },
  ...streamRun(makeRun(9), 4),
];

/**
 * A backend that behaves like the real ones: messages go out when the test says, and after a terminal
 * message (done, failed, cancelled) a cancel does nothing. `cancel()` before that answers `cancelled`.
 */
function scriptedBackend(script: RunMessage[] = messages()) {
  let onMessage: (m: RunMessage) => void = () => undefined;
  let sent = 0;
  let finished = false;
  const deliver = (m: RunMessage) => {
    if (finished) return;
    if (m.type === 'done' || m.type === 'failed' || m.type === 'cancelled') finished = true;
    onMessage(m);
  };
  const startRun = (_request: unknown, listener: (m: RunMessage) => void): RunHandle => {
    onMessage = listener;
    // The script's pace is the test's, not the acks': the acks' own effect is tested in run-recorder and flow.
    return { cancel: () => deliver({ type: 'cancelled' }), ack: () => undefined };
  };
  return {
    startRun,
    /** Sends the next `n` messages of the script. */
    send: (n: number) => {
      for (const m of script.slice(sent, sent + n)) deliver(m);
      sent += n;
    },
    /** The worker dies: the backend reports it as the failure it is. */
    die: (issue = crashIssue(null)) => deliver({ type: 'failed', issues: [issue] }),
    count: script.length,
  };
}

let db: RosterDb;
let repo: Repo;
let n = 0;
beforeEach(() => {
  db = new RosterDb(`crash-test-${++n}`);
  repo = createRepo(db);
});
afterEach(() => db.delete());

/** A complete earlier run of 5 users, to prove it survives. */
async function previousRun(): Promise<string> {
  const run = await repo.beginRun('p1', 1);
  for (const m of streamRun(makeRun(5), 2)) {
    if (m.type === 'rows') await repo.appendRows(run.id, m);
    if (m.type === 'done') await repo.completeRun(run.id, m.header, 2);
  }
  return run.id;
}

async function expectOnlyPrevious(previous: string, failed: string | null): Promise<void> {
  expect((await db.runs.toArray()).map((r) => r.id)).toEqual([previous]);
  expect(await repo.countRows(previous)).toEqual({ roster: 5, records: 6, conflicts: 1, filterHits: 1 });
  if (failed) expect(await repo.countRows(failed)).toEqual({ roster: 0, records: 0, conflicts: 0, filterHits: 0 });
  // No block, summary or lookup of another run is left.
  for (const table of [db.blocks, db.summaries, db.runIndex]) expect(new Set((await table.toArray()).map((row) => row.runId))).toEqual(new Set([previous]));
  expect((await repo.listRuns('p1')).map((r) => r.id)).toEqual([previous]);
}

const backendFor = (fake: ReturnType<typeof scriptedBackend>): Backend => ({ ...createFakeBackend().backend, startRun: fake.startRun });
const request = { projectId: 'p1', project: PROJECT };

describe('cancelling a run at any stage stores nothing and keeps the earlier runs', () => {
  const stages = [
    { description: 'before any progress', sent: 0 },
    { description: 'while the pipeline runs (progress only)', sent: 3 },
    { description: 'after the first chunk of rows', sent: 4 },
    { description: 'after every chunk, before done', sent: messages().length - 1 },
    { description: 'after done, while the rows are still being stored', sent: messages().length },
  ];
  it.each(stages)('$description', async ({ sent }) => {
    const previous = await previousRun();
    const fake = scriptedBackend();
    const recorder = new RunRecorder(repo);
    await recorder.start(backendFor(fake), request);
    const runId = recorder.getSnapshot().runId;
    fake.send(sent);
    recorder.cancel();
    fake.send(fake.count);
    await recorder.settled();
    expect(recorder.getSnapshot().phase).toBe('cancelled');
    await expectOnlyPrevious(previous, runId);
  });
});

describe('a worker that dies mid-run', () => {
  it.each([
    { description: 'the browser worker (onerror)', issue: { code: 'worker', severity: 'error' as const, message: 'The pipeline worker failed: Out of memory' } },
    { description: 'the desktop worker process (crash, exit code 134)', issue: crashIssue(134) },
  ])('$description: no run, no rows, earlier runs intact', async ({ issue }) => {
    const previous = await previousRun();
    const fake = scriptedBackend();
    const recorder = new RunRecorder(repo);
    await recorder.start(backendFor(fake), request);
    const runId = recorder.getSnapshot().runId;
    fake.send(6);
    fake.die(issue);
    await recorder.settled();
    expect(recorder.getSnapshot()).toMatchObject({ phase: 'failed', issues: [issue] });
    await expectOnlyPrevious(previous, runId);
  });

  it('the run screen says what happened and runs again', async () => {
    await resetDb();
    const fake = scriptedBackend();
    let runs = 0;
    const second = createFakeBackend({ users: 7 }).backend;
    const backend: Backend = { ...second, startRun: (req, listener) => (++runs === 1 ? fake.startRun(req, listener) : second.startRun(req, listener)) };
    window.location.hash = '#/project';
    render(<App backend={backend} recorder={new RunRecorder(appRepo)} />);
    fireEvent.click(await screen.findByTestId('run-project'));
    await waitFor(() => expect(runs).toBe(1));
    fake.send(5);
    fake.die();
    await waitFor(() => expect(screen.getByTestId('run-phase').textContent).toContain('The run failed; nothing was stored.'));
    expect(screen.getByRole('list', { name: 'Run errors' }).textContent).toContain('The pipeline worker stopped unexpectedly');
    await waitFor(async () => expect(await appDb.runs.count()).toBe(0));
    fireEvent.click(screen.getByRole('button', { name: 'Run again' }));
    await waitFor(() => expect(screen.getByTestId('run-phase').textContent).toContain('Run complete'));
    expect(await appDb.runs.count()).toBe(1);
  });
});

describe('storage full (QuotaExceededError during a chunk write)', () => {
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'storage');
  });

  it('stores nothing, says how much space the run needs, and loses nothing else', async () => {
    const previous = await previousRun();
    await db.projects.put({ id: 'p1', name: 'Test project', project: PROJECT, files: [], location: 'test', openedAt: 1, savedAt: 1 });
    // A small quota: 5 MB, all but 2 KB of them used. The second chunk of records does not fit.
    Object.defineProperty(navigator, 'storage', { configurable: true, value: { estimate: async () => ({ quota: 5 * 1024 * 1024, usage: 5 * 1024 * 1024 - 2048 }) } });
    const bulkAdd = db.blocks.bulkAdd.bind(db.blocks);
    let chunks = 0;
    vi.spyOn(db.blocks, 'bulkAdd').mockImplementation(((...args: Parameters<typeof bulkAdd>) =>
      ++chunks >= 2 ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : bulkAdd(...args)) as typeof bulkAdd);

    const fake = scriptedBackend();
    const recorder = new RunRecorder(repo);
    await recorder.start(backendFor(fake), request);
    const runId = recorder.getSnapshot().runId;
    fake.send(fake.count);
    await recorder.settled();

    const { phase, issues } = recorder.getSnapshot();
    expect(phase).toBe('failed');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'store.quota', severity: 'error' });
    expect(issues[0].message).toMatch(
      /^The run could not be stored: the browser's storage for this app is full\. The run needs about \d+ KB \(19 rows\); 2 KB of the 5\.0 MB the browser allows this app are free\. Nothing of this run was kept; earlier runs and projects are untouched\.$/,
    );
    expect(issues[0].fix).toMatch(/^Free about \d+ KB space \(delete old runs, or free disk space/);
    await expectOnlyPrevious(previous, runId);
    expect(await db.projects.get('p1')).toMatchObject({ name: 'Test project' });
  });
});

describe('a database written by an older schema version', () => {
  it('opens with the app, upgrades to the newest version and keeps its runs readable (the whole upgrade chain from version 1)', async () => {
    const { Dexie } = await import('dexie');
    const { SCHEMA_V1 } = await import('../../../renderer/db/db');
    const { toRosterRows } = await import('../../../renderer/db/row-builders');
    const { createAuditRepo } = await import('../../../renderer/db/repo-audit');
    // Versions 1 to 3 stored a row per record, in this shape.
    const toRecordRows = (runId: string, outcomes: RecordOutcome[]) =>
      outcomes.map((outcome, seq) => ({ runId, seq, source: outcome.source, state: outcome.state, ...(outcome.userId === null ? {} : { userId: outcome.userId }), outcome }));
    const name = `old-schema-${n}`;
    // Written by version 1 as shipped, with Dexie alone (no app code between it and IndexedDB).
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    const run = makeRun(3);
    const { roster, records, conflicts: _conflicts, ...header } = run;
    await old.table('runs').add({ id: 'run-v1', projectId: 'p1', status: 'complete', startedAt: 1, completedAt: 2, header, counts: { roster: 3, records: 4, conflicts: 0 } });
    // A run that was still being written when the old version closed (purged at the next start).
    await old.table('runs').add({ id: 'run-v1-writing', projectId: 'p1', status: 'writing', startedAt: 5, completedAt: null, header: null, counts: { roster: 0, records: 0, conflicts: 0 } });
    await old.table('roster').bulkAdd(toRosterRows('run-v1', 0, roster));
    await old.table('records').bulkAdd(toRecordRows('run-v1', records));
    await old.table('projects').add({ id: 'p1', name: 'Old project', project: PROJECT, files: [], location: 'old', openedAt: 1, savedAt: 1 });
    old.close();

    const upgraded = new RosterDb(name);
    await upgraded.open();
    const oldRepo = createRepo(upgraded);
    // Version 2's upgrade ran: the complete run got its header's asOf, the one being written none.
    expect(upgraded.verno).toBe(4);
    expect((await upgraded.runs.get('run-v1'))?.asOf).toBe(header.asOf);
    expect((await upgraded.runs.get('run-v1-writing'))?.asOf).toBeUndefined();
    expect(await upgraded.runs.where('[projectId+asOf+startedAt]').between(['p1', '', -Infinity], ['p1', '\uffff', Infinity]).primaryKeys()).toEqual(['run-v1']);
    expect((await createHistoryRepo(upgraded).runsByAsOf('p1')).map((r) => r.id)).toEqual(['run-v1']);
    expect((await oldRepo.listRuns('p1')).map((r) => r.id)).toEqual(['run-v1']);
    expect((await oldRepo.rosterPage('run-v1', 0, 10)).map((r) => r.user.attributes.email)).toEqual(['user0@example.com', 'user1@example.com', 'user2@example.com']);
    expect((await oldRepo.searchRoster('run-v1', 'user1@'))[0]?.userId).toBe('id-000001');
    expect((await oldRepo.latestProject())?.name).toBe('Old project');
    // Version 3's upgrade moved the records into blocks with their index; version 4 dropped the old table.
    expect(upgraded.tables.map((t) => t.name)).not.toContain('records');
    expect((await oldRepo.countRows('run-v1')).records).toBe(records.length);
    expect((await oldRepo.userRecords('run-v1', 'id-000001')).map((r) => r.outcome)).toEqual(records.filter((r) => r.userId === 'id-000001'));
    const filtered = records.filter((r) => r.state === 'filtered');
    expect(filtered.length).toBeGreaterThan(0);
    expect((await createAuditRepo(upgraded).recordsInState('run-v1', 'hr', 'filtered', 0, 10)).map((r) => r.outcome)).toEqual(filtered);
    // The upgraded database takes new runs next to the old one.
    const next = await oldRepo.beginRun('p1', 3);
    for (const m of streamRun(makeRun(2), 5)) {
      if (m.type === 'rows') await oldRepo.appendRows(next.id, m);
      if (m.type === 'done') await oldRepo.completeRun(next.id, m.header, 4);
    }
    expect((await oldRepo.listRuns('p1')).map((r) => r.id)).toEqual([next.id, 'run-v1']);
    expect((await createHistoryRepo(upgraded).runsByAsOf('p1')).map((r) => r.id)).toEqual(['run-v1', next.id]);
    await upgraded.delete();
  });
});
