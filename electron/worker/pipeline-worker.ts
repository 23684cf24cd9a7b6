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

/** What the worker needs of a port: Node's MessagePort and Electron's MessagePortMain both fit. */
interface OutPort {
  postMessage(message: unknown): void;
}

/** The parent link of either host, reduced to what the worker uses. */
interface ParentLink {
  onMessage(listener: (message: ToWorker, port: OutPort | undefined) => void): void;
  post(message: FromWorker): void;
}

/** Electron's utility-process parent port (typed here: the worker build has no Electron types). */
interface UtilityParentPort {
  on(event: 'message', listener: (event: { data: unknown; ports: OutPort[] }) => void): void;
  postMessage(message: unknown): void;
}

function parentLink(): ParentLink | null {
  const utility = (process as unknown as { parentPort?: UtilityParentPort }).parentPort;
  if (utility) {
    return {
      onMessage: (listener) => utility.on('message', (event) => listener(event.data as ToWorker, event.ports[0])),
      post: (message) => utility.postMessage(message),
    };
  }
  if (threadParent) {
    const parent = threadParent;
    return {
      onMessage: (listener) =>
        parent.on('message', (data: ToWorker & { port?: OutPort }) => {
          const { port, ...message } = data;
          listener(message as ToWorker, port);
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
    // The port stays open: the parent ends this worker after `finished`, once the last rows are on their way.
    void runJob(job, post, abort.signal).then((outcome) => link.post({ type: 'finished', outcome }));
  });
}

const link = parentLink();
if (link) serve(link);
