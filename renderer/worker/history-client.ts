/**
 * Runs deletion tracking for a finished run (history-task.ts) in a Web Worker, or on the page where
 * workers are missing (jsdom tests). A failure never loses the run: it completes without deletion
 * states and says why in its warnings.
 */
import type { RunHeader } from '../../core/run/stream';
import { db } from '../db/db';
import { createHistoryRepo } from '../db/repo-history';
import type { HistoryReply, HistoryRequest } from './history-protocol';
import { trackRunDeletions } from './history-task';

/** What the run recorder calls between the last row and completing the run. */
export type HistoryTracker = (runId: string, header: RunHeader) => Promise<RunHeader>;

function inWorker(request: HistoryRequest): Promise<RunHeader> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./history.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<HistoryReply>) => {
      worker.terminate();
      if (event.data.type === 'done') resolve(event.data.header);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      reject(new Error(event.message || 'the history worker failed to start'));
    };
    worker.postMessage(request);
  });
}

/** Tracks deletions of a run in the app's database; the returned header carries `deletion` on success. */
export const trackDeletions: HistoryTracker = async (runId, header) => {
  try {
    return typeof Worker === 'undefined' ? await trackRunDeletions(createHistoryRepo(db), runId, header) : await inWorker({ runId, header });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ...header,
      warnings: [
        ...header.warnings,
        { code: 'history.failed', severity: 'warning', message: `Deletion tracking failed for this run: ${message}`, fix: 'Run the project again; if it keeps failing, report it with the project file.' },
      ],
    };
  }
};
