/** Messages between the page and the deletion-tracking worker (history.worker.ts). */
import type { RunHeader } from '../../core/run/stream';

export interface HistoryRequest {
  runId: string;
  header: RunHeader;
}

export type HistoryReply = { type: 'done'; header: RunHeader } | { type: 'failed'; message: string };
