/**
 * The run-storing worker (issue 6): the run recorder's writes (begin, append each chunk, complete,
 * discard) happen here, on the app's IndexedDB opened by this worker (Dexie works in workers, as in
 * history.worker.ts). IndexedDB copies every row it stores, and its index keys, on the thread that calls
 * it: on the page that was most of its busy time while a run was stored, in tasks of up to a second. Here
 * the page only passes each chunk on.
 *
 * In the browser edition the rows do not pass through the page at all: the pipeline worker posts them to a
 * channel whose other end is here (store-sink.ts). Calls and chunks are carried out one at a time, in the
 * order they came.
 */
import { RosterDb } from '../db/db';
import { createRepo } from '../db/repo';
import { toStoreError, type StoreCall, type StoreReply, type StoreRequest } from './store-protocol';
import { createRunSinks } from './store-sink';

const repo = createRepo(new RosterDb());

/** Runs one call against the repository (a switch: each method's arguments keep their types). */
function perform(call: StoreCall): Promise<unknown> {
  switch (call.method) {
    case 'beginRun':
      return repo.beginRun(...call.args);
    case 'appendRows':
      return repo.appendRows(...call.args);
    case 'completeRun':
      return repo.completeRun(...call.args);
    case 'discardRun':
      return repo.discardRun(...call.args);
  }
}

let queue: Promise<void> = Promise.resolve();
/** Writes answer their own errors; the catch only keeps one unexpected throw from stopping the queue. */
const enqueue = (write: () => Promise<void>): void => {
  queue = queue.then(write).catch((error: unknown) => console.error('The storing worker:', error));
};
const reply = (message: StoreReply): void => self.postMessage(message);
const sinks = createRunSinks(repo, enqueue, reply);

// Held for as long as this worker lives: a worker that runs out of memory or is closed fires no event the
// page hears, but the page learns of its death when this lock becomes free (store-client.ts).
if (self.name && 'locks' in navigator) {
  void navigator.locks.request(self.name, () => {
    reply({ type: 'alive' });
    return new Promise<never>(() => undefined);
  });
}

self.onmessage = (event: MessageEvent<StoreRequest>) => {
  const request = event.data;
  if ('type' in request) {
    sinks.attach(request.runId, request.port);
    return;
  }
  // A discarded run's chunks still queued are skipped at once; a completed run has none left.
  if (request.method === 'discardRun') sinks.close(request.args[0]);
  enqueue(() =>
    perform(request).then(
      (value) => {
        if (request.method === 'completeRun') sinks.close(request.args[0]);
        reply({ id: request.id, ok: true, value });
      },
      (error: unknown) => reply({ id: request.id, ok: false, error: toStoreError(error) }),
    ),
  );
};
