/**
 * Entry of the pipeline worker. It runs in either host:
 * - an Electron utility process (the desktop app): `process.parentPort` delivers the job, and for a run a
 *   MessagePortMain whose other end main already gave the renderer, so the rows go worker -> renderer and
 *   main only brokers;
 * - a Node worker thread (tests, tools): `worker_threads.parentPort` delivers `{ type: 'job', job, port }`
 *   with a worker_threads MessagePort.
 * Either way: the run stream goes to the port, control messages (`FromWorker`) to the parent.
 */
import { parentPort as threadParent } from 'node:worker_threads';
import type { RunMessage } from '../../core/run/stream';
import { previewSource } from './preview';
import type { FromWorker, ToWorker } from './protocol';
import { runJob } from './run-job';
import { isRowsAck, RowCredits } from '../../core/run/flow';

/** What the worker needs of a run's port (to the renderer): post the run stream, hear the acks. */
interface RunPort {
  postMessage(message: unknown): void;
  /** Starts delivering the renderer's messages (its acks, core/run/flow.ts) to `listener`. */
  listen(listener: (message: unknown) => void): void;
}

/** Electron's MessagePortMain: messages arrive as `{ data }` once `start()` was called. */
interface MainPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  start(): void;
}

/** Node's worker_threads MessagePort: a 'message' listener receives the value and starts the port. */
interface ThreadPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (value: unknown) => void): void;
}

/** The parent link of either host, reduced to what the worker uses. */
interface ParentLink {
  onMessage(listener: (message: ToWorker, port: RunPort | undefined) => void): void;
  post(message: FromWorker): void;
}

/** Electron's utility-process parent port (typed here: the worker build has no Electron types). */
interface UtilityParentPort {
  on(event: 'message', listener: (event: { data: unknown; ports: MainPort[] }) => void): void;
  postMessage(message: unknown): void;
}

function parentLink(): ParentLink | null {
  const utility = (process as unknown as { parentPort?: UtilityParentPort }).parentPort;
  if (utility) {
    return {
      onMessage: (listener) =>
        utility.on('message', (event) => {
          const port = event.ports[0] as MainPort | undefined;
          const run: RunPort | undefined = port && {
            postMessage: (message) => port.postMessage(message),
            listen: (heard) => {
              port.on('message', (e) => heard(e.data));
              port.start();
            },
          };
          listener(event.data as ToWorker, run);
        }),
      post: (message) => utility.postMessage(message),
    };
  }
  if (threadParent) {
    const parent = threadParent;
    return {
      onMessage: (listener) =>
        parent.on('message', (data: ToWorker & { port?: ThreadPort }) => {
          const { port, ...message } = data;
          const run: RunPort | undefined = port && {
            postMessage: (m) => port.postMessage(m),
            listen: (heard) => port.on('message', heard),
          };
          listener(message as ToWorker, run);
        }),
      post: (message) => parent.postMessage(message),
    };
  }
  return null;
}

function serve(link: ParentLink): void {
  const abort = new AbortController();
  let started = false;
  link.onMessage((message, port) => {
    if (message.type === 'cancel') {
      abort.abort();
      return;
    }
    if (started) return; // one job per worker: a run is cancelled by ending its worker
    started = true;
    const { job } = message;
    if (job.kind === 'preview') {
      void previewSource(job).then((result) => link.post({ type: 'preview', result }));
      return;
    }
    if (!port) {
      link.post({ type: 'finished', outcome: 'failed' });
      return;
    }
    const post = (m: RunMessage) => port.postMessage(m);
    const credits = new RowCredits();
    port.listen((m) => {
      if (isRowsAck(m)) credits.ack();
    });
    // The port stays open: the parent ends this worker after `finished`, once the last rows are on their way.
    void runJob(job, post, abort.signal, credits).then((outcome) => link.post({ type: 'finished', outcome }));
  });
}

const link = parentLink();
if (link) serve(link);
