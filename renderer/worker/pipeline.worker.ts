/**
 * The browser edition's pipeline worker: reads the project's stored exports from IndexedDB, runs core on
 * them and streams the result back in chunks (core/run/stream.ts), so the page stays responsive and can
 * write rows as they arrive.
 * Cancelling terminates the worker; nothing here needs to clean up. Whoever stores a chunk acknowledges
 * it, and the worker waits for that before it sends more (core/run/flow.ts): the storing worker, when the
 * page gave the run a sink (its rows go there, not through the page), or else the page.
 */
import { z } from 'zod';
import { runPipelineStreamed } from '../../core/pipeline';
import { CancelledError, ProjectError, type Issue } from '../../core/issues';
import { isRowsAck, postRun, RowCredits } from '../../core/run/flow';
import { previewSource } from './preview';
import { storedInputs } from './stored-inputs';
import { RosterDb } from '../db/db';
import { createRepo } from '../db/repo';
import type { WorkerReply, WorkerRequest } from './protocol';

// Same as the page: no `new Function` (the desktop app's session applies its CSP to workers too).
z.config({ jitless: true });

function post(message: WorkerReply): void {
  self.postMessage(message);
}

/** An unexpected error as an issue the run screen can show. */
function internalIssue(error: unknown): Issue {
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', severity: 'error', message: `The run stopped on an unexpected error: ${message}`, fix: 'Report this with the project file.' };
}

/** Holds `name` until this worker ends (never released by hand): the page learns that the worker died,
 * however it died (out of memory, closed, killed), when the lock becomes free. */
function holdLock(name: string): Promise<void> {
  return new Promise((held) => {
    void navigator.locks.request(name, () => {
      held();
      return new Promise<never>(() => undefined);
    });
  });
}

/** The app's database, opened by this worker to read the exports' bytes (Dexie works in workers). */
const repo = createRepo(new RosterDb());

/** Credits of the run's `rows` messages, once it streams them. */
let credits: RowCredits | null = null;

async function run(request: Extract<WorkerRequest, { type: 'run' }>): Promise<void> {
  if (request.lock && 'locks' in navigator) {
    await holdLock(request.lock);
    post({ type: 'alive' });
  }
  try {
    // No local holds the files: once the pipeline has read them, their bytes can be collected.
    const streamed = await runPipelineStreamed(await storedInputs(repo, request.projectId, request.project), request.project, {
      onProgress: (event) => post({ type: 'progress', event }),
      today: request.today,
      // The audit screens show each record's raw fields beside the mapped ones, and what-if re-evaluates
      // rules reading `raw` (issue 4). Stored once per record, in its outcome.
      keepRaw: true,
      // A macrotask between chunks lets progress messages leave the worker while it works.
      yieldControl: () => new Promise((resolve) => setTimeout(resolve, 0)),
      ...(request.asOf ? { asOf: request.asOf } : {}),
    });
    // Each stored chunk is acknowledged (core/run/flow.ts): at most two wait in the receiver's memory.
    // Users and records are built a chunk at a time as they are sent, never all at once (runPipelineStreamed).
    const runCredits = (credits = new RowCredits());
    const sink = request.sink;
    if (sink) {
      sink.onmessage = (event: MessageEvent<unknown>) => {
        if (isRowsAck(event.data)) runCredits.ack();
      };
      // `done` goes to the page once the storing worker has acknowledged the last chunk.
      await postRun(streamed.parts(), (message) => (message.type === 'rows' ? sink.postMessage(message) : post(message)), runCredits, undefined, true);
    } else await postRun(streamed.parts(), post, runCredits);
  } catch (error) {
    if (error instanceof CancelledError) post({ type: 'cancelled' });
    else if (error instanceof ProjectError) post({ type: 'failed', issues: error.issues });
    else post({ type: 'failed', issues: [internalIssue(error)] });
  }
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  switch (request.type) {
    case 'run':
      void run(request);
      break;
    case 'ack':
      credits?.ack();
      break;
    case 'preview':
      storedInputs(repo, request.projectId, request.project, request.sourceId)
        .then((files) => post({ type: 'preview', preview: previewSource(request.project, request.sourceId, files) }))
        .catch((error: unknown) => post({ type: 'preview-failed', message: error instanceof Error ? error.message : String(error) }));
      break;
  }
};
