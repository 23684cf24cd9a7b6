/**
 * The Compare screen's handle on one comparison: a compare worker per pair of runs (terminated when the
 * pair changes or the screen closes), or the same session on the page where workers are missing (tests).
 */
import { db } from '../db/db';
import { createHistoryRepo } from '../db/repo-history';
import type { CompareOverview, CompareReply, CompareRequest, ListKind, ListPage, ListQuery, UserDetail } from './compare-protocol';
import { CompareSession } from './compare-session';

export interface CompareClient {
  /** Loads and diffs the two runs; `onProgress` hears how loading goes. */
  open(a: string, b: string, onProgress: (text: string) => void): Promise<CompareOverview>;
  list(query: ListQuery): Promise<ListPage>;
  detail(kind: ListKind, index: number): Promise<UserDetail>;
  csv(): Promise<string>;
  dispose(): void;
}

type Body<T> = T extends unknown ? Omit<T, 'id'> : never;

function workerClient(): CompareClient {
  const worker = new Worker(new URL('./compare.worker.ts', import.meta.url), { type: 'module' });
  const waiting = new Map<number, { resolve(data: unknown): void; reject(error: Error): void }>();
  let next = 1;
  let onProgress: (text: string) => void = () => undefined;
  worker.onmessage = (event: MessageEvent<CompareReply>) => {
    const reply = event.data;
    if ('progress' in reply) return onProgress(reply.progress);
    const call = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (reply.ok) call?.resolve(reply.data);
    else call?.reject(new Error(reply.message));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    for (const call of waiting.values()) call.reject(new Error(event.message || 'The compare worker failed.'));
    waiting.clear();
  };
  const ask = <T>(request: Body<CompareRequest>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve: (data) => resolve(data as T), reject });
      worker.postMessage({ ...request, id });
    });
  return {
    open: (a, b, progress) => {
      onProgress = progress;
      return ask<CompareOverview>({ type: 'open', a, b });
    },
    list: (query) => ask<ListPage>({ type: 'list', query }),
    detail: (kind, index) => ask<UserDetail>({ type: 'detail', kind, index }),
    csv: () => ask<string>({ type: 'csv' }),
    dispose: () => {
      worker.terminate();
      for (const call of waiting.values()) call.reject(new Error('The comparison was closed.'));
      waiting.clear();
    },
  };
}

function pageClient(): CompareClient {
  let session: Promise<CompareSession> | null = null;
  const open = () => {
    if (!session) throw new Error('No comparison is open.');
    return session;
  };
  return {
    open: async (a, b, progress) => {
      session = CompareSession.open(createHistoryRepo(db), a, b, progress);
      return (await session).overview();
    },
    list: async (query) => (await open()).list(query),
    detail: async (kind, index) => (await open()).detail(kind, index),
    csv: async () => (await open()).csv(),
    dispose: () => {
      session = null;
    },
  };
}

/** A client for one comparison. */
export function createCompareClient(): CompareClient {
  return typeof Worker === 'undefined' ? pageClient() : workerClient();
}
