/**
 * The run-storing worker (renderer/worker/store.worker.ts) and its client, wired through an in-process
 * stand-in for `Worker` that copies every message with structuredClone, as postMessage does: a run
 * recorded through the worker is stored exactly as one recorded on the page; a write error keeps the
 * name the "storage full" message needs; a worker that dies fails what it had in flight, and the next run
 * gets a fresh worker.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '../../../../renderer/db/db';
import { createRepo } from '../../../../renderer/db/repo';
import { RunRecorder } from '../../../../renderer/lib/run-recorder';
import { isQuotaError } from '../../../../renderer/lib/errors';
import { fromStoreError, toStoreError } from '../../../../renderer/worker/store-protocol';
import { createFakeBackend } from '../support/fake-backend';
import { PROJECT } from '../support/make-run';

/** The worker's global scope: store.worker.ts sets `onmessage` on it and posts its replies to it. */
const scope: { onmessage: ((event: { data: unknown }) => void) | null; postMessage: (data: unknown) => void } = {
  onmessage: null,
  postMessage: () => undefined,
};
let started = 0;
/** When set, the next message makes the worker die instead of answering. */
let dieOnNextMessage = false;

class InProcessWorker {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: { message: string; preventDefault: () => void }) => void) | null = null;
  private dead = false;
  constructor() {
    started++;
    scope.postMessage = (data) => queueMicrotask(() => !this.dead && this.onmessage?.({ data: structuredClone(data) }));
  }
  postMessage(data: unknown): void {
    if (dieOnNextMessage) {
      dieOnNextMessage = false;
      setTimeout(() => this.onerror?.({ message: 'out of memory', preventDefault: () => undefined }), 0);
      return;
    }
    const copy = structuredClone(data);
    setTimeout(() => scope.onmessage?.({ data: copy }), 0);
  }
  terminate(): void {
    this.dead = true;
  }
}

let createClientWriter: typeof import('../../../../renderer/worker/store-client').createRunWriter;
const createRunWriter = () => createClientWriter(() => new InProcessWorker() as unknown as Worker);
beforeAll(async () => {
  vi.stubGlobal('self', scope);
  await import('../../../../renderer/worker/store.worker');
  ({ createRunWriter: createClientWriter } = await import('../../../../renderer/worker/store-client'));
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await db.delete();
});

const request = { projectId: 'p-store', project: PROJECT };

async function record(recorder: RunRecorder, backend = createFakeBackend({ users: 33 }).backend) {
  await recorder.start(backend, request);
  await vi.waitFor(() => expect(['done', 'failed', 'cancelled']).toContain(recorder.getSnapshot().phase), { timeout: 10_000 });
  await recorder.settled();
  return recorder.getSnapshot();
}

describe('the run-storing worker', () => {
  it('stores a run recorded through it, every row, visible only once complete', async () => {
    const before = started;
    const snapshot = await record(new RunRecorder(createRunWriter()));
    expect(started).toBe(before + 1);
    expect(snapshot.phase).toBe('done');
    const repo = createRepo(db);
    const [run] = await repo.listRuns('p-store');
    expect(run.id).toBe(snapshot.runId);
    expect(run.header?.stats.users).toBe(33);
    expect(await repo.countRows(run.id)).toEqual({ roster: 33, records: 34, conflicts: 1, filterHits: 1 });
    expect((await repo.rosterPage(run.id, 0, 100)).map((r) => r.seq)).toEqual([...Array(33).keys()]);
  });

  it('fails a run whose worker dies mid-way, stores nothing of it, and starts a fresh worker for the next', async () => {
    const writer = createRunWriter();
    const recorder = new RunRecorder(writer);
    const repo = createRepo(db);
    const runsBefore = (await repo.listRuns('p-store')).length;
    const fake = createFakeBackend({ users: 33, autoFinish: false });
    await recorder.start(fake.backend, request);
    await vi.waitFor(() => expect(recorder.getSnapshot().stages[0].status).toBe('running'));
    const before = started;
    dieOnNextMessage = true; // the first chunk's write
    fake.release();
    await vi.waitFor(() => expect(recorder.getSnapshot().phase).toBe('failed'), { timeout: 10_000 });
    await recorder.settled();
    expect(recorder.getSnapshot().issues[0].message).toMatch(/storing worker failed: out of memory/);
    expect(await db.runs.where('status').equals('writing').count()).toBe(0);
    expect((await repo.listRuns('p-store')).length).toBe(runsBefore);
    expect((await record(recorder)).phase).toBe('done');
    // One replacement worker: it discarded the failed run and stored the next.
    expect(started).toBe(before + 1);
    expect((await repo.listRuns('p-store')).length).toBe(runsBefore + 1);
  });
});

describe('store errors across the worker boundary', () => {
  it('keep the QuotaExceededError that Dexie wraps, so the page still says "storage full"', () => {
    const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    const dexie = Object.assign(new Error('AbortError: transaction aborted'), { name: 'AbortError', inner: quota });
    const back = fromStoreError(structuredClone(toStoreError(dexie)));
    expect(isQuotaError(back)).toBe(true);
    expect(back.message).toBe('AbortError: transaction aborted');
    expect(isQuotaError(fromStoreError(toStoreError(new Error('Run x is not being written.'))))).toBe(false);
  });

  it('turn anything thrown into a name and a message', () => {
    expect(toStoreError('disk gone')).toEqual({ name: 'Error', message: 'disk gone' });
    expect(toStoreError(null)).toEqual({ name: 'Error', message: 'null' });
  });
});
