/**
 * The run-storing worker (issue 6): the run recorder's writes (begin, append each chunk, complete,
 * discard) happen here, on the app's IndexedDB opened by this worker (Dexie works in workers, as in
 * history.worker.ts). IndexedDB copies every row it stores, and its index keys, on the thread that calls
 * it: on the page that was most of its busy time while a run was stored, in tasks of up to a second. Here
 * the page only passes each chunk on.
 *
 * Calls are answered in the order they came; the recorder sends one at a time anyway.
 */
import { RosterDb } from '../db/db';
import { createRepo } from '../db/repo';
import { toStoreError, type StoreCall, type StoreReply } from './store-protocol';

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

// Held for as long as this worker lives: a worker that runs out of memory or is closed fires no event the
// page hears, but the page learns of its death when this lock becomes free (store-client.ts).
if (self.name && 'locks' in navigator) {
  void navigator.locks.request(self.name, () => {
    self.postMessage({ type: 'alive' } satisfies StoreReply);
    return new Promise<never>(() => undefined);
  });
}

self.onmessage = (event: MessageEvent<StoreCall>) => {
  const call = event.data;
  queue = queue.then(() =>
    perform(call).then(
      (value) => self.postMessage({ id: call.id, ok: true, value } satisfies StoreReply),
      (error: unknown) => self.postMessage({ id: call.id, ok: false, error: toStoreError(error) } satisfies StoreReply),
    ),
  );
};
