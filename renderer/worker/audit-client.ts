/**
 * The screens' side of the audit worker: `run(task)` resolves with the worker's answer. One long-lived
 * worker keeps the loaded run between tasks; where Web Workers do not exist (jsdom tests) the same tasks
 * run in-process over the app's database.
 */
import { auditRepo } from '../db/repo-audit';
import type { AuditAnswer, AuditReply, AuditRequest, AuditTask } from './audit-protocol';
import { createAuditTasks } from './audit-tasks';

export interface AuditClient {
  run<T extends AuditTask>(task: T, onProgress?: (message: string) => void): Promise<AuditAnswer<T>>;
  /**
   * Drops the loaded run (the worker ends; the next task starts a new one). A run about to start calls
   * it: all of a page's workers share one V8 heap of at most 4 GB, and a million-user run's copy in the
   * audit worker next to the pipeline worker's run crashed the page (issue 6).
   */
  release(): void;
}

/** What a task still waiting hears when its run is released. */
export const RELEASED = 'The audit worker was stopped to make room for a new run; open the view again to reload it.';

interface Pending {
  resolve(answer: unknown): void;
  reject(error: Error): void;
  progress(message: string): void;
}

/** A client over one Web Worker, started on the first task and started again after a crash. */
export function createWorkerClient(start: () => Worker = () => new Worker(new URL('./audit.worker.ts', import.meta.url), { type: 'module' })): AuditClient {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  function ensure(): Worker {
    if (worker) return worker;
    const started = start();
    started.onmessage = (event: MessageEvent<AuditReply>) => {
      const reply = event.data;
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      if (reply.type === 'progress') return waiting.progress(reply.message);
      pending.delete(reply.id);
      if (reply.type === 'answer') waiting.resolve(reply.answer);
      else waiting.reject(new Error(reply.message));
    };
    started.onerror = (event) => {
      event.preventDefault();
      // A crashed worker (out of memory on a huge run) fails what it had; the next task starts a new one.
      for (const waiting of pending.values()) waiting.reject(new Error(`The audit worker stopped: ${event.message || 'unknown error'}`));
      pending.clear();
      started.terminate();
      worker = null;
    };
    worker = started;
    return started;
  }

  return {
    release(): void {
      if (!worker) return;
      worker.terminate();
      worker = null;
      for (const waiting of pending.values()) waiting.reject(new Error(RELEASED));
      pending.clear();
    },
    run<T extends AuditTask>(task: T, onProgress: (message: string) => void = () => undefined): Promise<AuditAnswer<T>> {
      const id = nextId++;
      return new Promise<AuditAnswer<T>>((resolve, reject) => {
        pending.set(id, { resolve: (answer) => resolve(answer as AuditAnswer<T>), reject, progress: onProgress });
        const request: AuditRequest = { id, task };
        ensure().postMessage(request);
      });
    },
  };
}

/** The same tasks on this thread (tests; a host without workers). */
export function createInProcessClient(): AuditClient {
  let tasks = createAuditTasks(auditRepo);
  return {
    run: (task, onProgress) => tasks.run(task, onProgress),
    release: () => {
      tasks = createAuditTasks(auditRepo);
    },
  };
}

let shared: AuditClient | null = null;

/** The app's audit client: a worker where the host has them. */
export function auditClient(): AuditClient {
  shared ??= typeof Worker === 'undefined' ? createInProcessClient() : createWorkerClient();
  return shared;
}
