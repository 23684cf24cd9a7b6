/**
 * The browser edition's backend: files the user picks or drops are kept as bytes in IndexedDB (so a
 * reload can re-run them), the bundled sample is fetched from the same origin, and the same core runs in
 * a Web Worker. Nothing leaves the machine: the only requests are to the page's own origin.
 */
import type { ProjectInput } from '../../core/project/schema';
import type { RunMessage } from '../../core/run/stream';
import { repo } from '../db/repo';
import type { WorkerReply, WorkerRequest } from '../worker/protocol';
import type { Backend, OpenedProject, RowsSink, RunHandle, RunRequest, SourceFileInfo, SourcePreview } from './backend';
import { browserProjectId, downloadText, isProjectFile, matchProjectFiles, pickFiles, toFileEntities } from './browser-files';
import { uniqueName } from '../../core/project/file-names';
import { pipelineMessages } from '../../core/run/messages';
import { ROWS_ACK, type RowsAck } from '../../core/run/flow';

/** Where `vite.web.config.ts` puts the bundled sample, relative to the page. */
const SAMPLE_BASE = './sample/acme/';
export const SAMPLE_PROJECT_ID = 'sample:acme';
/** The sample's exports: week 1 and the same company a week later. Both open as one project (one id),
 * so their runs form one history (issue 5). */
export const SAMPLE_EXPORTS = [
  { id: 'project.json', label: 'Week 1 (first export)' },
  { id: 'project-week2.json', label: 'Week 2 (next export)' },
] as const;

function createWorker(): Worker {
  return new Worker(new URL('../worker/pipeline.worker.ts', import.meta.url), { type: 'module' });
}

/** A bundled sample file, with its modification time when the server tells it (as the CLI reads the
 * file's mtime, so a project without `asOf` gets the same export date in both). */
async function fetchSampleFile(name: string): Promise<{ name: string; bytes: Uint8Array; modified?: string }> {
  const response = await fetch(SAMPLE_BASE + name);
  if (!response.ok) throw new Error(`The bundled sample file ${name} could not be read (HTTP ${response.status}).`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const lastModified = Date.parse(response.headers.get('last-modified') ?? '');
  return Number.isNaN(lastModified) ? { name, bytes } : { name, bytes, modified: new Date(lastModified).toISOString() };
}

/** A worker serving one request: `stop` terminates it, `send` passes it a later message (a run's acks). */
interface WorkerLink {
  stop: () => void;
  send: (message: RowsAck) => void;
}

/** Posts one request to a fresh worker; the worker is terminated after the terminal reply. A run's sink
 * port is transferred with it. */
function startWorker(request: Exclude<WorkerRequest, RowsAck>, onReply: (reply: WorkerReply) => void): WorkerLink {
  const worker = createWorker();
  worker.onmessage = (event: MessageEvent<WorkerReply>) => onReply(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    onReply({ type: 'failed', issues: [{ code: 'worker', severity: 'error', message: `The pipeline worker failed: ${event.message}` }] });
  };
  // Only names cross: the worker reads the files' bytes from IndexedDB itself (stored-inputs.ts).
  worker.postMessage(request, request.type === 'run' && request.sink ? [request.sink] : []);
  return { stop: () => worker.terminate(), send: (message) => worker.postMessage(message) };
}

/**
 * Calls `onDeath` when the worker holding `lock` ends. A Web Worker that runs out of memory or is closed
 * fires no event the page can hear (`onerror` is for script errors), so the run would wait forever; the
 * worker's Web Lock is released whenever its thread ends, and this request is granted then. A worker the
 * page terminated after the run's last message also releases it: `deliver` ignores anything after that.
 */
function watchWorker(lock: string, onDeath: () => void): void {
  void navigator.locks.request(lock, () => onDeath());
}

export function createBrowserBackend(): Backend {
  return {
    kind: 'browser',

    sampleExports: SAMPLE_EXPORTS,

    async openSample(exportId: string = SAMPLE_EXPORTS[0].id): Promise<OpenedProject> {
      const known = SAMPLE_EXPORTS.find((e) => e.id === exportId);
      if (!known) throw new Error(`The sample has no export "${exportId}".`);
      const response = await fetch(SAMPLE_BASE + known.id);
      if (!response.ok) throw new Error(`The bundled sample's ${known.id} could not be read (HTTP ${response.status}).`);
      const project = (await response.json()) as ProjectInput;
      const names = [...new Set(project.sources.flatMap((s) => s.files))];
      const files = await Promise.all(names.map(fetchSampleFile));
      const infos = await repo.putFiles(files.map((f) => ({ projectId: SAMPLE_PROJECT_ID, size: f.bytes.byteLength, ...f })));
      return { id: SAMPLE_PROJECT_ID, project, files: infos, location: `Bundled sample (acme, ${known.label.toLowerCase()})` };
    },

    async openProject(): Promise<OpenedProject | null> {
      const picked = await pickFiles('.json,.csv,.tsv,.txt,.ndjson,.jsonl', true);
      const projectFile = (await Promise.all(picked.map(async (f) => ((await isProjectFile(f)) ? f : null)))).find((f) => f !== null);
      if (!projectFile) return null;
      const project = JSON.parse(await projectFile.text()) as ProjectInput;
      const id = browserProjectId(project, projectFile.name);
      const entities = await toFileEntities(id, matchProjectFiles(project, picked.filter((f) => f !== projectFile)));
      const files = await repo.replaceFiles(id, entities);
      return { id, project, files, location: `${projectFile.name} (picked in the browser)` };
    },

    async addSourceFiles(projectId: string, dropped?: File[]): Promise<SourceFileInfo[]> {
      const files = dropped ?? (await pickFiles('.csv,.tsv,.txt,.json,.ndjson,.jsonl', true));
      // A file whose name the project already holds gets a free name (`users-2.json`), as in the desktop app:
      // Okta's and Google's `users.json` are two exports, and neither may replace the other.
      const taken = new Set(await repo.fileNames(projectId));
      const named = files.map((file) => {
        const name = uniqueName(file.name, taken);
        taken.add(name);
        return { name, file };
      });
      return repo.putFiles(await toFileEntities(projectId, named));
    },

    previewSource(projectId: string, project: ProjectInput, sourceId: string): Promise<SourcePreview> {
      return new Promise<SourcePreview>((resolve, reject) => {
        const { stop } = startWorker({ type: 'preview', project, projectId, sourceId }, (reply) => {
          stop();
          if (reply.type === 'preview') resolve(reply.preview);
          else reject(new Error(reply.type === 'preview-failed' ? reply.message : `Preview of ${sourceId} failed.`));
        });
      });
    },

    async saveProject(): Promise<void> {
      // The browser edition keeps projects in IndexedDB only; the app stores them through the repository.
    },

    postsRowsToSink: true,

    startRun(request: RunRequest, onMessage: (message: RunMessage) => void, sink?: RowsSink): RunHandle {
      let link: WorkerLink | null = null;
      let finished = false;
      const deliver = (message: RunMessage) => {
        if (finished) return;
        if (message.type === 'done' || message.type === 'failed' || message.type === 'cancelled') {
          finished = true;
          link?.stop();
        }
        onMessage(message);
      };
      const today = new Date().toISOString().slice(0, 10);
      const lock = `roster-audit-run-${crypto.randomUUID()}`;
      const workerRequest: WorkerRequest = { type: 'run', project: request.project, projectId: request.projectId, today, lock };
      if (request.asOf) workerRequest.asOf = request.asOf;
      // The recorder's sink is a MessagePort (store-client.ts `openSink`); RowsSink only names its shape.
      if (sink) workerRequest.sink = sink as MessagePort;
      try {
        link = startWorker(workerRequest, (reply) => {
          if (reply.type === 'alive') watchWorker(lock, () => deliver({ type: 'failed', issues: [pipelineMessages.workerCrashed(null)] }));
          else if (reply.type !== 'preview' && reply.type !== 'preview-failed') deliver(reply);
        });
      } catch (error) {
        queueMicrotask(() => deliver({ type: 'failed', issues: [{ code: 'worker', severity: 'error', message: `The pipeline worker could not start: ${String(error)}` }] }));
      }
      return {
        // Terminating the worker is the whole cancel: it holds no state anyone else needs.
        cancel: () => deliver({ type: 'cancelled' }),
        // A worker already stopped (the run ended) ignores it.
        ack: () => {
          if (!finished) link?.send(ROWS_ACK);
        },
      };
    },

    saveText: async (suggestedName: string, content: string) => downloadText(suggestedName, content),
  };
}
