/**
 * The run-storing worker (renderer/worker/store.worker.ts) and its client, wired through an in-process
 * stand-in for `Worker` that copies every message with structuredClone, as postMessage does: a run
 * recorded through the worker is stored exactly as one recorded on the page; a write error keeps the
 * name the "storage full" message needs; a worker that dies fails what it had in flight, and the next run
 * gets a fresh worker. Rows sent through a sink (the browser's pipeline worker posting straight to the
 * storing worker) are stored the same way without passing the page.
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
/** Every worker started, newest last. */
const workers: InProcessWorker[] = [];

class InProcessWorker {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: { message: string; preventDefault: () => void }) => void) | null = null;
  private dead = false;
  constructor() {
    started++;
    workers.push(this);
    scope.postMessage = (data) => queueMicrotask(() => !this.dead && this.onmessage?.({ data: structuredClone(data) }));
  }
  /** The worker's thread ends as an out-of-memory one does: its page hears an error. */
  die(): void {
    this.onerror?.({ message: 'out of memory', preventDefault: () => undefined });
  }
  postMessage(data: unknown, transfer: Transferable[] = []): void {
    if (dieOnNextMessage) {
      dieOnNextMessage = false;
      setTimeout(() => this.die(), 0);
      return;
    }
    // A sink's port moves to the worker, as postMessage's transfer list moves it.
    const copy = structuredClone(data, { transfer });
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

/** The types of the messages the page hears from a fake backend's runs. */
function watchMessages(backend: ReturnType<typeof createFakeBackend>['backend']): string[] {
  const seen: string[] = [];
  const realStart = backend.startRun.getMockImplementation();
  if (!realStart) throw new Error('the fake backend has no startRun');
  backend.startRun.mockImplementation((req, onMessage, sink) => realStart(req, (m) => (seen.push(m.type), onMessage(m)), sink));
  return seen;
}

/** Neither the run nor any of its rows is left in the database. */
async function expectNothingStored(runId: string): Promise<void> {
  expect(await db.runs.get(runId)).toBeUndefined();
  expect(await createRepo(db).countRows(runId)).toEqual({ roster: 0, records: 0, conflicts: 0, filterHits: 0 });
}

describe('rows sent straight to the storing worker (a sink)', () => {
  it('stores every row without any passing the page, and counts them as they are stored', async () => {
    const fake = createFakeBackend({ users: 41, viaSink: true });
    const seen = watchMessages(fake.backend);
    const recorder = new RunRecorder(createRunWriter());
    const counts: number[] = [];
    recorder.subscribe(() => counts.push(recorder.getSnapshot().rowsWritten));
    const snapshot = await record(recorder, fake.backend);
    expect(snapshot.phase).toBe('done');
    expect(fake.backend.startRun.mock.calls[0][2]).toBeDefined();
    expect(seen).not.toContain('rows');
    expect(seen.at(-1)).toBe('done');
    const repo = createRepo(db);
    expect(await repo.countRows(snapshot.runId ?? '')).toEqual({ roster: 41, records: 42, conflicts: 1, filterHits: 1 });
    expect((await repo.rosterPage(snapshot.runId ?? '', 0, 100)).map((r) => r.seq)).toEqual([...Array(41).keys()]);
    // 41 users, 42 records, 1 conflict in chunks of 10: counted chunk by chunk up to all 84.
    expect(snapshot.rowsWritten).toBe(84);
    expect(new Set(counts).size).toBeGreaterThan(5);
  });

  it('fails the run and keeps nothing when a chunk cannot be stored there, naming why', async () => {
    const fake = createFakeBackend({ users: 41, viaSink: true, autoFinish: false });
    const seen = watchMessages(fake.backend);
    const recorder = new RunRecorder(createRunWriter());
    await recorder.start(fake.backend, request);
    const runId = recorder.getSnapshot().runId ?? '';
    // The run's entry vanishes under the storing worker (as another tab's purge would remove it): the
    // next chunk is refused there.
    await vi.waitFor(async () => expect(await db.runs.get(runId)).toBeDefined());
    await db.runs.update(runId, { status: 'complete' });
    await vi.waitFor(() => expect(recorder.getSnapshot().stages[0].status).toBe('running'));
    fake.release();
    await vi.waitFor(() => expect(recorder.getSnapshot().phase).toBe('failed'), { timeout: 10_000 });
    await recorder.settled();
    expect(recorder.getSnapshot().issues[0].message).toMatch(/could not be stored: Run .* is not being written/);
    // The refused chunk was never acknowledged: the sender held back the rest and never said `done`.
    expect(seen).not.toContain('done');
    expect(recorder.getSnapshot().rowsWritten).toBe(0);
    await expectNothingStored(runId);
  });

  it('keeps nothing of a run cancelled while its rows are being stored there', async () => {
    const fake = createFakeBackend({ users: 200, viaSink: true, autoFinish: false });
    const recorder = new RunRecorder(createRunWriter());
    await recorder.start(fake.backend, request);
    const runId = recorder.getSnapshot().runId ?? '';
    await vi.waitFor(() => expect(recorder.getSnapshot().stages[0].status).toBe('running'));
    fake.release();
    await vi.waitFor(() => expect(recorder.getSnapshot().rowsWritten).toBeGreaterThan(0));
    recorder.cancel();
    await recorder.settled();
    expect(recorder.getSnapshot().phase).toBe('cancelled');
    expect(recorder.getSnapshot().rowsWritten).toBeLessThan(401);
    await expectNothingStored(runId);
  });

  it('fails the run when the storing worker dies while rows go to it, and the next run stores in a fresh one', async () => {
    const fake = createFakeBackend({ users: 41, viaSink: true, autoFinish: false });
    const recorder = new RunRecorder(createRunWriter());
    await recorder.start(fake.backend, request);
    const runId = recorder.getSnapshot().runId ?? '';
    workers.at(-1)?.die();
    await vi.waitFor(() => expect(recorder.getSnapshot().phase).toBe('failed'), { timeout: 10_000 });
    await recorder.settled();
    expect(recorder.getSnapshot().issues[0].message).toMatch(/storing worker failed: out of memory/);
    expect(await db.runs.get(runId)).toBeUndefined();
    expect((await record(recorder, createFakeBackend({ users: 12, viaSink: true }).backend)).phase).toBe('done');
    expect(recorder.getSnapshot().rowsWritten).toBe(12 + 13 + 1);
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
