/** A Backend for component tests: the sample is PROJECT, runs stream a hand-made result (make-run.ts). */
import { vi } from 'vitest';
import type { RunMessage } from '../../../../core/run/stream';
import { isRowsAck, postRun, RowCredits } from '../../../../core/run/flow';
import type { Backend, OpenedProject, RowsSink, SourcePreview } from '../../../../renderer/backend/backend';
import { makeRun, PROJECT } from './make-run';

export interface FakeBackendOptions {
  users?: number;
  /** When false, the run waits for `release()` after its first progress message (to test cancel). */
  autoFinish?: boolean;
  /** Make the run fail with this message instead. */
  failWith?: string;
  /** Post rows to the sink the recorder gives (as the browser's pipeline worker does), not to the page. */
  viaSink?: boolean;
}

export const SAMPLE: OpenedProject = { id: 'sample:test', project: PROJECT, files: [{ name: 'hr.csv', size: 2048 }, { name: 'chat.json', size: 1024 }], location: 'Test sample' };

export const HR_PREVIEW: SourcePreview = {
  sourceId: 'hr',
  files: [{ name: 'hr.csv', format: 'csv', encoding: 'utf-8', delimiter: ',', records: 3 }],
  columns: ['Id', 'Email', 'Name'],
  sample: [
    { Id: 'E1', Email: 'Ann@Example.com', Name: 'Ann Lee' },
    { Id: 'E2', Email: 'bob@example.com', Name: 'Bob Roy' },
    { Id: 'E3', Email: 'cy@example.com', Name: 'Cy Fox' },
  ],
  issues: [],
};

export function createFakeBackend(options: FakeBackendOptions = {}) {
  let release: () => void = () => undefined;
  const backend = {
    kind: 'browser',
    openSample: vi.fn(async () => SAMPLE),
    openProject: vi.fn(async () => null),
    addSourceFiles: vi.fn(async (_id: string, dropped?: File[]) => (dropped ?? []).map((f) => ({ name: f.name, size: f.size }))),
    previewSource: vi.fn(async (_id: string, _project: unknown, sourceId: string) => (sourceId === 'hr' ? HR_PREVIEW : { ...HR_PREVIEW, sourceId, columns: ['id', 'profile.email'], sample: [{ id: 'U1', profile: { email: 'ann@example.com' } }] })),
    saveProject: vi.fn(async () => undefined),
    saveText: vi.fn(async () => true),
    postsRowsToSink: options.viaSink === true,
    startRun: vi.fn((_request, onMessage: (m: RunMessage) => void, sink?: RowsSink) => {
      let cancelled = false;
      const credits = new RowCredits();
      const port = sink as MessagePort | undefined;
      if (port) port.onmessage = (event) => isRowsAck(event.data) && credits.ack();
      const send = (m: RunMessage) => !cancelled && (m.type === 'rows' && port ? port.postMessage(m) : onMessage(m));
      const finish = () => {
        if (options.failWith) return send({ type: 'failed', issues: [{ code: 'test', severity: 'error', message: options.failWith }] });
        // As the real workers do: at most two chunks ahead of the acks (core/run/flow.ts); with a sink,
        // `done` once the last chunk was acknowledged (renderer/worker/pipeline.worker.ts).
        postRun(makeRun(options.users ?? 25), send, credits, 10, port !== undefined).catch(() => undefined);
      };
      setTimeout(() => {
        send({ type: 'progress', event: { stage: 'load', source: 'hr', done: 3, total: 3 } });
        if (options.autoFinish === false) release = finish;
        else finish();
      }, 0);
      return {
        cancel: () => {
          if (cancelled) return;
          onMessage({ type: 'cancelled' });
          cancelled = true;
          credits.close();
          port?.close();
        },
        ack: () => credits.ack(),
      };
    }),
  } satisfies Backend;
  return { backend: backend as Backend & typeof backend, release: () => release() };
}
