/**
 * Prepares sources on every core (issue 6): core's `prepare` hook (PipelineOptions.prepare) for the CLI.
 * The primary source is prepared in this thread (its store is the largest; copying it out of a worker
 * would cost as much as parsing it), every other source in a worker thread of its own, at most
 * `workers` at a time, largest files first. A worker that fails for a reason other than the data (out of
 * memory, a crash) is not fatal: that source is prepared here instead.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { CancelledError } from '../../core/issues';
import { prepareSource, type PrepareHooks, type PrepareJob, type PreparedSource } from '../../core/pipeline';
import type { ChunkedInput } from '../../core/types';
import { diskInput, type LocatedInput } from './project-files';
import type { PrepareWorkerData, PrepareWorkerMessage } from './prepare-worker';

export interface PreparePool {
  /** Core's `prepare` hook. */
  prepare: (job: PrepareJob) => Promise<PreparedSource>;
  /** The inputs to give the pipeline (for fingerprints): their digests come from the workers that read them. */
  inputs: ChunkedInput[];
}

/** Worker threads to use by default: one per core beside this thread's. */
export function defaultWorkers(): number {
  const fromEnv = Number(process.env.ROSTER_AUDIT_WORKERS);
  return Number.isInteger(fromEnv) && fromEnv >= 0 ? fromEnv : Math.max(1, availableParallelism() - 1);
}

export function preparePool(files: LocatedInput[], options: { workers?: number; hooks?: PrepareHooks; signal?: AbortSignal } = {}): PreparePool {
  const digests = new Map<string, string>();
  const inputs = files.map((f) => diskInput(f, undefined, () => digests.get(`${f.source}\u0000${f.name}`)));
  const workers = options.workers ?? defaultWorkers();
  let running = 0;
  const queue: { size: number; start: () => void }[] = [];
  const pump = () => {
    queue.sort((a, b) => b.size - a.size);
    while (running < workers && queue.length > 0) {
      running++;
      (queue.shift() as (typeof queue)[number]).start();
    }
  };

  const local = (job: PrepareJob) => {
    const id = job.project.sources[job.source].id;
    return prepareSource(job, inputs.filter((f) => f.source === id), options.hooks ?? {});
  };

  const inWorker = (job: PrepareJob, mine: LocatedInput[]) =>
    new Promise<PreparedSource>((resolve, reject) => {
      const worker = new Worker(new URL('./prepare-worker.mjs', import.meta.url), { workerData: { job, files: mine } satisfies PrepareWorkerData });
      let settled = false;
      const onAbort = () => {
        settled = true;
        void worker.terminate();
        reject(new CancelledError());
      };
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const finish = () => options.signal?.removeEventListener('abort', onAbort);
      worker.on('message', (message: PrepareWorkerMessage) => {
        if (message.type === 'progress') options.hooks?.progress?.(message.event);
        else if (message.type === 'done') {
          settled = true;
          finish();
          mine.forEach((f, i) => digests.set(`${f.source}\u0000${f.name}`, message.digests[i]));
          resolve(message.prepared);
          void worker.terminate();
        } else {
          settled = true;
          finish();
          reject(Object.assign(new Error(message.message), { stack: message.stack }));
        }
      });
      worker.on('error', (error) => {
        if (settled) return;
        settled = true;
        finish();
        reject(Object.assign(error, { workerCrashed: true }));
      });
      worker.on('exit', (code) => {
        if (settled) return;
        settled = true;
        finish();
        reject(Object.assign(new Error(`the worker preparing a source stopped (exit code ${code})`), { workerCrashed: true }));
      });
    });

  const prepare = async (job: PrepareJob): Promise<PreparedSource> => {
    const source = job.project.sources[job.source];
    const mine = files.filter((f) => f.source === source.id);
    if (source.id === job.project.primary || workers === 0) return local(job);
    return new Promise<PreparedSource>((resolve, reject) => {
      const start = () => {
        inWorker(job, mine)
          .catch((error: unknown) => {
            if (!(error as { workerCrashed?: boolean }).workerCrashed) throw error;
            return local(job);
          })
          .then(resolve, reject)
          .finally(() => {
            running--;
            pump();
          });
      };
      queue.push({ size: mine.reduce((n, f) => n + f.size, 0), start });
      // The pipeline asks for every source at once: start once all are queued, largest first.
      setImmediate(pump);
    });
  };
  return { prepare, inputs };
}
