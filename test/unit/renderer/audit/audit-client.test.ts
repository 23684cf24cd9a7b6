/** The audit client frees its worker (and the run the worker holds) when a run is about to start. */
import { describe, expect, it } from 'vitest';
import { createWorkerClient, RELEASED } from '../../../../renderer/worker/audit-client';
import type { AuditRequest } from '../../../../renderer/worker/audit-protocol';

/** A worker that records what it was sent and answers nothing until told. */
function fakeWorker() {
  const sent: AuditRequest[] = [];
  const worker = {
    terminated: false,
    onmessage: null as ((event: MessageEvent) => void) | null,
    onerror: null as ((event: ErrorEvent) => void) | null,
    postMessage: (request: AuditRequest) => void sent.push(request),
    terminate() {
      this.terminated = true;
    },
  };
  return { worker, sent };
}

describe('createWorkerClient', () => {
  it('release ends the worker, fails the waiting task with a clear message, and the next task starts a new worker', async () => {
    const started: ReturnType<typeof fakeWorker>[] = [];
    const client = createWorkerClient(() => {
      const fake = fakeWorker();
      started.push(fake);
      return fake.worker as unknown as Worker;
    });
    const waiting = client.run({ type: 'key-advice', runId: 'r1' });
    expect(started).toHaveLength(1);
    client.release();
    await expect(waiting).rejects.toThrow(RELEASED);
    expect(started[0].worker.terminated).toBe(true);

    const next = client.run({ type: 'key-advice', runId: 'r1' });
    expect(started).toHaveLength(2);
    const [request] = started[1].sent;
    started[1].worker.onmessage?.({ data: { id: request.id, type: 'answer', answer: { ok: 1 } } } as MessageEvent);
    await expect(next).resolves.toEqual({ ok: 1 });
    client.release();
    client.release();
    expect(started).toHaveLength(2);
  });
});
