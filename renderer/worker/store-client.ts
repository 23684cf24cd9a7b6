/**
 * The page's side of the run-storing worker (store.worker.ts): a RunWriter whose calls are carried out
 * there. Where workers are missing (jsdom tests) the repository writes on the page instead, with the same
 * results. A worker that dies fails every call it had, and the next call starts a fresh one, so a dead
 * worker fails one run (the recorder discards it) and not the next.
 */
import { repo } from '../db/repo';
import { fromStoreError, type RunWriter, type RunWrites, type SinkCall, type SinkEvents, type StoreCall, type StoreMethod, type StoreReply } from './store-protocol';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  /** The run a completeRun or discardRun call ends: its sink is forgotten when the answer comes. */
  sinkOf?: string;
}

/** Starts the storing worker (Vite bundles the worker from this `new URL(..., import.meta.url)`). Its name
 * is the Web Lock it holds while it lives. */
const spawnStoreWorker = (name: string): Worker => new Worker(new URL('./store.worker.ts', import.meta.url), { type: 'module', name });

class StoreWorkerClient {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  /** Runs whose rows come to the worker through a sink, by run id: what the recorder hears of them. */
  private readonly sinks = new Map<string, SinkEvents>();
  private nextId = 1;
  private generation = 0;

  constructor(private readonly spawn: (name: string) => Worker) {}

  private start(): Worker {
    const generation = ++this.generation;
    const lock = `roster-audit-store-${generation}-${Math.random().toString(36).slice(2)}`;
    const worker = this.spawn(lock);
    worker.onmessage = (event: MessageEvent<StoreReply>) => {
      const reply = event.data;
      if ('type' in reply) {
        switch (reply.type) {
          case 'stored':
            this.sinks.get(reply.runId)?.stored(reply.rows);
            break;
          case 'sink-failed': {
            const sink = this.sinks.get(reply.runId);
            this.sinks.delete(reply.runId);
            sink?.failed(fromStoreError(reply.error), reply.chunk);
            break;
          }
          case 'alive':
            // The lock is granted to us only once the worker is gone: then every call it had fails.
            void navigator.locks.request(lock, () => {
              if (this.generation === generation && this.worker) this.fail(new Error('The storing worker stopped (out of memory or closed).'));
            });
            break;
        }
        return;
      }
      const call = this.pending.get(reply.id);
      if (!call) return;
      this.pending.delete(reply.id);
      // The run was completed or discarded: its sink has reported its last chunk (same channel, in order).
      if (call.sinkOf !== undefined) this.sinks.delete(call.sinkOf);
      if (reply.ok) call.resolve(reply.value);
      else call.reject(fromStoreError(reply.error));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.fail(new Error(`The storing worker failed: ${event.message || 'it could not start'}`));
    };
    return worker;
  }

  /** Fails every call in flight and drops the worker; the next call starts a new one. */
  private fail(error: Error): void {
    this.worker?.terminate();
    this.worker = null;
    for (const call of this.pending.values()) call.reject(error);
    this.pending.clear();
    for (const sink of this.sinks.values()) sink.failed(error, null);
    this.sinks.clear();
  }

  /** Gives the worker one end of a new channel for the rows of `runId`; returns the other end. */
  openSink(runId: string, events: SinkEvents): MessagePort {
    this.worker ??= this.start();
    const channel = new MessageChannel();
    this.sinks.set(runId, events);
    this.worker.postMessage({ type: 'sink', runId, port: channel.port1 } satisfies SinkCall, [channel.port1]);
    return channel.port2;
  }

  call<M extends StoreMethod>(method: M, args: Parameters<RunWrites[M]>): Promise<Awaited<ReturnType<RunWrites[M]>>> {
    this.worker ??= this.start();
    const id = this.nextId++;
    const worker = this.worker;
    const sinkOf = method === 'completeRun' || method === 'discardRun' ? (args[0] as string) : undefined;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, ...(sinkOf === undefined ? {} : { sinkOf }) });
      // The chunk's rows are copied once, here; IndexedDB's own copies and index keys are made there.
      worker.postMessage({ id, method, args } as StoreCall);
    });
  }
}

/** The writer the app's run recorder uses: the storing worker, or the page's repository without workers.
 * `spawn`: how to start the worker (tests pass an in-process stand-in). */
export function createRunWriter(spawn: ((name: string) => Worker) | null = typeof Worker === 'undefined' ? null : spawnStoreWorker): RunWriter {
  if (!spawn) return repo;
  const client = new StoreWorkerClient(spawn);
  return {
    beginRun: (...args) => client.call('beginRun', args),
    appendRows: (...args) => client.call('appendRows', args),
    completeRun: (...args) => client.call('completeRun', args),
    discardRun: (...args) => client.call('discardRun', args),
    openSink: (runId, events) => client.openSink(runId, events),
  };
}
