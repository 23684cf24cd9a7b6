/**
 * Messages between the browser edition and its pipeline Web Worker. A run answers with the run stream of
 * core/run/stream.ts; a preview answers with one `preview` or `preview-failed` message.
 */
import type { ProjectInput } from '../../core/project/schema';
import type { RunMessage } from '../../core/run/stream';
import type { RowsAck } from '../../core/run/flow';
import type { SourcePreview } from '../backend/backend';

export type WorkerRequest =
  /** `lock`: a Web Lock the worker holds for as long as it lives (see `watchWorker` in the backend). */
  /** The worker reads the files of `projectId` that the project names from IndexedDB (stored-inputs.ts). */
  /** `sink`: where the run's `rows` go instead of the page (transferred; the storing worker's end acks). */
  | { type: 'run'; project: ProjectInput; projectId: string; asOf?: string; today: string; lock?: string; sink?: MessagePort }
  | { type: 'preview'; project: ProjectInput; projectId: string; sourceId: string }
  /** The page stored one `rows` message of the run (core/run/flow.ts). */
  | RowsAck;

export type WorkerReply =
  | RunMessage
  | { type: 'preview'; preview: SourcePreview }
  | { type: 'preview-failed'; message: string }
  /** The worker holds the run's lock: from now on its death, however it happens, releases the lock. */
  | { type: 'alive' };

/** How many raw records a source preview shows. */
