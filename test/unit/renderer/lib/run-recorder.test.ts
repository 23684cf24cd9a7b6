/** The recorder stores a streamed run only when it completes; failure, cancel and write errors leave nothing. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RosterDb } from '../../../../renderer/db/db';
import { createRepo, type Repo } from '../../../../renderer/db/repo';
import { RunRecorder } from '../../../../renderer/lib/run-recorder';
import { createFakeBackend } from '../support/fake-backend';
import { PROJECT } from '../support/make-run';

let db: RosterDb;
let repo: Repo;
let n = 0;
beforeEach(() => {
  db = new RosterDb(`recorder-test-${++n}`);
  repo = createRepo(db);
});
afterEach(() => db.delete());

const request = { projectId: 'p1', project: PROJECT };

async function finished(recorder: RunRecorder): Promise<void> {
  await vi.waitFor(() => expect(['done', 'failed', 'cancelled']).toContain(recorder.getSnapshot().phase));
  await recorder.settled();
}

describe('RunRecorder', () => {
  it('writes the chunks and completes the run', async () => {
    const recorder = new RunRecorder(repo);
    await recorder.start(createFakeBackend({ users: 23 }).backend, request);
    await finished(recorder);
    const snapshot = recorder.getSnapshot();
    expect(snapshot.phase).toBe('done');
    expect(snapshot.stages.every((s) => s.status === 'done')).toBe(true);
    const [run] = await repo.listRuns('p1');
    expect(run.id).toBe(snapshot.runId);
    expect(run.header?.stats.users).toBe(23);
    expect(await repo.countRows(run.id)).toEqual({ roster: 23, records: 24, conflicts: 1, filterHits: 1 });
  });

  it('acknowledges each chunk only once it is stored, so the worker never runs more than two ahead', async () => {
    const events: string[] = [];
    let writing = 0;
    let mostWaiting = 0;
    let received = 0;
    const tracked: Repo = {
      ...repo,
      appendRows: async (runId, chunk) => {
        writing++;
        events.push(`write ${chunk.table}`);
        await new Promise((r) => setTimeout(r, 5));
        await repo.appendRows(runId, chunk);
        writing--;
      },
    };
    const fake = createFakeBackend({ users: 45 });
    const realStart = fake.backend.startRun.getMockImplementation();
    if (!realStart) throw new Error('the fake backend has no startRun');
    fake.backend.startRun.mockImplementation((req, onMessage) => {
      const handle = realStart(req, (m) => {
        if (m.type === 'rows') mostWaiting = Math.max(mostWaiting, ++received - events.filter((e) => e === 'ack').length);
        onMessage(m);
      });
      return {
        ...handle,
        ack: () => {
          expect(writing).toBe(0); // never before its write finished
          events.push('ack');
          handle.ack();
        },
      };
    });
    const recorder = new RunRecorder(tracked);
    await recorder.start(fake.backend, request);
    await finished(recorder);
    expect(recorder.getSnapshot().phase).toBe('done');
    const writes = events.filter((e) => e.startsWith('write')).length;
    // 45 users, 46 records and a conflict in chunks of 10: 5 + 5 + 1.
    expect(writes).toBe(11);
    expect(events.filter((e) => e === 'ack')).toHaveLength(writes);
    // Received and not yet acknowledged, counting the one just received: the page holds at most two.
    expect(mostWaiting).toBe(2);
  });

  it('leaves nothing behind a failed run', async () => {
    const recorder = new RunRecorder(repo);
    await recorder.start(createFakeBackend({ failWith: 'hr.csv row 3: bad quote' }).backend, request);
    await finished(recorder);
    expect(recorder.getSnapshot().issues[0].message).toContain('bad quote');
    expect(await db.runs.count()).toBe(0);
  });

  it('leaves nothing behind a run cancelled mid-way', async () => {
    const recorder = new RunRecorder(repo);
    const fake = createFakeBackend({ autoFinish: false });
    await recorder.start(fake.backend, request);
    await vi.waitFor(() => expect(recorder.getSnapshot().stages[0].status).toBe('running'));
    expect(recorder.getSnapshot().stages[0].sources.hr).toEqual({ done: 3, total: 3 });
    recorder.cancel();
    fake.release();
    await finished(recorder);
    expect(recorder.getSnapshot().phase).toBe('cancelled');
    expect(await db.runs.count()).toBe(0);
    expect(await db.blocks.count()).toBe(0);
    expect(await db.summaries.count()).toBe(0);
  });

  it('fails and discards the run when a chunk cannot be written', async () => {
    const failing: Repo = { ...repo, appendRows: () => Promise.reject(new Error('QuotaExceededError')) };
    const recorder = new RunRecorder(failing);
    await recorder.start(createFakeBackend().backend, request);
    await finished(recorder);
    expect(recorder.getSnapshot().phase).toBe('failed');
    expect(recorder.getSnapshot().issues[0].message).toContain('QuotaExceededError');
    expect(await db.runs.count()).toBe(0);
  });

  it('refuses a second run while one is going', async () => {
    const recorder = new RunRecorder(repo);
    const fake = createFakeBackend({ autoFinish: false });
    await recorder.start(fake.backend, request);
    await expect(recorder.start(fake.backend, request)).rejects.toThrow(/already in progress/);
    recorder.cancel();
    await recorder.settled();
  });
});
