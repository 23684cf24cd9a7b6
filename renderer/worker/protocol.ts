/**
 * Messages between the browser edition and its pipeline Web Worker. A run answers with the run stream of
 * core/run/stream.ts; a preview answers with one `preview` or `preview-failed` message.
 */
import type { InputFile } from '../../core/types';
import type { ProjectInput } from '../../core/project/schema';
import type { RunMessage } from '../../core/run/stream';
import type { SourcePreview } from '../backend/backend';

export type WorkerRequest =
  | { type: 'run'; project: ProjectInput; files: InputFile[]; asOf?: string; today: string }
  | { type: 'preview'; project: ProjectInput; sourceId: string; files: InputFile[] };

export type WorkerReply = RunMessage | { type: 'preview'; preview: SourcePreview } | { type: 'preview-failed'; message: string };

/** How many raw records a source preview shows. */
