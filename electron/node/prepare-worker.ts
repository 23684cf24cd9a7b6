/**
 * A worker thread preparing one source (stages 1-4, core's prepareSource) from its files on disk, for the
 * CLI (issue 6): sources are parsed on every core, and the garbage of parsing gigabytes of JSON is
 * collected in the worker's own heap, which ends with the worker. The store comes back as plain data;
 * its typed arrays are transferred, not copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { prepareSource, type PrepareJob, type PreparedSource } from '../../core/pipeline';
import { diskInput, type LocatedInput } from './project-files';

/** What the pool sends. */
export interface PrepareWorkerData {
  job: PrepareJob;
  files: LocatedInput[];
}

/** What the worker sends back. */
export type PrepareWorkerMessage =
  | { type: 'progress'; event: import('../../core/types').ProgressEvent }
  | { type: 'done'; prepared: PreparedSource; digests: string[] }
  | { type: 'failed'; message: string; stack?: string };

/** The buffers of a store's typed arrays, to transfer them. */
export function storeBuffers(prepared: PreparedSource): ArrayBuffer[] {
  const s = prepared.store;
  if (!s) return [];
  const arrays = [s.rows, s.ruleSet, s.active, s.externalIds.ends, s.externalIds.nulls, ...Object.values(s.columns ?? {}).map((c) => c.codes)];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

async function main(port: NonNullable<typeof parentPort>): Promise<void> {
  const { job, files } = workerData as PrepareWorkerData;
  const inputs = files.map((f) => diskInput(f));
  try {
    const prepared = await prepareSource(job, inputs, { progress: (event) => port.postMessage({ type: 'progress', event } satisfies PrepareWorkerMessage) });
    const digests = await Promise.all(inputs.map((i) => (i.sha256 as () => Promise<string>)()));
    port.postMessage({ type: 'done', prepared, digests } satisfies PrepareWorkerMessage, storeBuffers(prepared));
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    port.postMessage({ type: 'failed', message: e.message, ...(e.stack ? { stack: e.stack } : {}) } satisfies PrepareWorkerMessage);
  }
}

if (parentPort) await main(parentPort);
