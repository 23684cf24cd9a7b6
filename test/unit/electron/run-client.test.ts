import { describe, expect, it, vi } from 'vitest';
import type { RunMessage } from '../../../core/run/stream';
import type { Result } from '../../../electron/ipc/contract';
import { RunClient, type RunPort, type RunTransport } from '../../../electron/preload/run-client';

const request = { projectId: 'a'.repeat(32), project: { name: 'x', primary: 'hr', sources: [] } };
const runId = '3f1c3a52-5a8e-4c1e-9a59-0e4b0d6f2a11';

function fakePort(): RunPort & { emit: (m: RunMessage) => void; closed: boolean; posted: unknown[] } {
  const port = {
    onmessage: null as RunPort['onmessage'],
    closed: false,
    posted: [] as unknown[],
    postMessage(message: unknown) {
      port.posted.push(message);
    },
    close() {
      port.closed = true;
    },
    emit(m: RunMessage) {
      port.onmessage?.({ data: m });
    },
  };
  return port;
}

function transport(start: Result<{ runId: string }> = { ok: true, data: { runId } }, cancelled = true) {
  return {
    start: vi.fn<RunTransport['start']>(async () => start),
    cancel: vi.fn<RunTransport['cancel']>(async () => ({ ok: true, data: { cancelled } })),
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const progress: RunMessage = { type: 'progress', event: { stage: 'load', done: 1 } };

describe('the preload run client', () => {
  it('forwards the worker messages when the port arrives after run:start answered', async () => {
    const client = new RunClient(transport());
    const got: RunMessage[] = [];
    client.start(request, (m) => got.push(m));
    await flush();
    const port = fakePort();
    client.portArrived(runId, port);
    port.emit(progress);
    port.emit({ type: 'cancelled' });
    port.emit(progress); // after the terminal message: dropped
    expect(got).toEqual([progress, { type: 'cancelled' }]);
    expect(port.closed).toBe(true);
  });

  it('keeps a port that arrives before run:start answered (main posts it first)', async () => {
    const client = new RunClient(transport());
    const port = fakePort();
    client.portArrived(runId, port);
    const got: RunMessage[] = [];
    client.start(request, (m) => got.push(m));
    await flush();
    port.emit(progress);
    expect(got).toEqual([progress]);
  });

  it('sends each ack back over the run port to the worker, and none after the run ended', async () => {
    const client = new RunClient(transport());
    const got: RunMessage[] = [];
    const { ack } = client.start(request, (m) => got.push(m));
    await flush();
    const port = fakePort();
    client.portArrived(runId, port);
    port.emit({ type: 'rows', table: 'roster', rows: [] });
    ack();
    port.emit({ type: 'rows', table: 'records', rows: [] });
    ack();
    expect(port.posted).toEqual([{ type: 'ack' }, { type: 'ack' }]);
    port.emit({ type: 'cancelled' });
    ack();
    expect(port.posted).toHaveLength(2);
  });

  it('turns a refused start into one failed message', async () => {
    const client = new RunClient(transport({ ok: false, issue: { message: 'A run is already in progress.', fix: 'Wait.' } }));
    const got: RunMessage[] = [];
    client.start(request, (m) => got.push(m));
    await flush();
    expect(got).toEqual([{ type: 'failed', issues: [{ code: 'run.refused', severity: 'error', message: 'A run is already in progress.', fix: 'Wait.' }] }]);
  });

  it('cancels through main and ends with exactly one cancelled message', async () => {
    const t = transport();
    const client = new RunClient(t);
    const got: RunMessage[] = [];
    const { cancel } = client.start(request, (m) => got.push(m));
    await flush();
    const port = fakePort();
    client.portArrived(runId, port);
    cancel();
    await flush();
    client.workerEnded(runId, 'cancelled', null); // main's exit notice comes too: ignored
    port.emit(progress); // a late chunk: ignored
    expect(t.cancel).toHaveBeenCalledWith(runId);
    expect(got).toEqual([{ type: 'cancelled' }]);
    expect(port.closed).toBe(true);
  });

  it('cancels a run whose start has not answered yet, once it does', async () => {
    const t = transport();
    const client = new RunClient(t);
    const got: RunMessage[] = [];
    const { cancel } = client.start(request, (m) => got.push(m));
    cancel();
    await flush();
    await flush();
    expect(t.cancel).toHaveBeenCalledWith(runId);
    expect(got).toEqual([{ type: 'cancelled' }]);
  });

  it('reports a crashed worker as a failed run', async () => {
    const client = new RunClient(transport());
    const got: RunMessage[] = [];
    client.start(request, (m) => got.push(m));
    await flush();
    client.workerEnded(runId, 'crashed', 134);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ type: 'failed', issues: [{ code: 'worker.crashed' }] });
  });
});
