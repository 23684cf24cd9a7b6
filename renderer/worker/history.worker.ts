/**
 * The deletion-tracking worker (issue 5): opens the app's IndexedDB itself (Dexie works in workers),
 * reads the project's stored runs, writes the run's history rows and answers with the run's header.
 * Only the header crosses postMessage; the rows stay in IndexedDB.
 */
import { RosterDb } from '../db/db';
import { createHistoryRepo } from '../db/repo-history';
import type { HistoryReply, HistoryRequest } from './history-protocol';
import { trackRunDeletions } from './history-task';

const repo = createHistoryRepo(new RosterDb());

self.onmessage = (event: MessageEvent<HistoryRequest>) => {
  const { runId, header } = event.data;
  trackRunDeletions(repo, runId, header).then(
    (tracked) => self.postMessage({ type: 'done', header: tracked } satisfies HistoryReply),
    (error: unknown) => self.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies HistoryReply),
  );
};
