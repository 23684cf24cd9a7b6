/**
 * What main and the pipeline worker say to each other (the run's rows never pass here: they go over the
 * MessagePort main handed the worker, straight to the renderer; see electron/main/runs.ts).
 */
import type { ProjectInput } from '../../core/project/schema';
import type { SourcePreview } from '../../renderer/backend/backend';
import type { IpcIssue } from '../ipc/contract';

/** A run: read the project's files from `dir` and stream the result over the port sent with the job. */
export interface RunJob {
  kind: 'run';
  dir: string;
  project: ProjectInput;
  asOf?: string;
  /** Today's date (YYYY-MM-DD) from main's clock, the asOf of last resort. */
  today: string;
}

/** A preview: load one source's files and describe them. */
export interface PreviewJob {
  kind: 'preview';
  dir: string;
  project: ProjectInput;
  sourceId: string;
}

export type WorkerJob = RunJob | PreviewJob;

/** Parent -> worker. The first message carries the job (and, for a run, the port in its transfer list). */
export type ToWorker = { type: 'job'; job: WorkerJob } | { type: 'cancel' };

/** Worker -> parent: small control messages only. */
export type FromWorker =
  | { type: 'finished'; outcome: 'done' | 'failed' | 'cancelled' }
  | { type: 'preview'; result: { ok: true; data: SourcePreview } | { ok: false; issue: IpcIssue } };
