/**
 * The storing worker's side of a run's direct channel (issue 6): the pipeline worker posts each `rows`
 * message to a MessagePort whose other end is here, so a chunk is copied once, from the worker that built
 * it to the worker that stores it, and never passes through the page. Each stored chunk is acknowledged on
 * the port (the sender's credit, core/run/flow.ts) and reported to the page as a row count.
 *
 * A chunk that fails to store closes the sink: the page hears why and discards the run. Closing a sink
 * (the run was discarded or completed) drops chunks still queued or in transit; a discarded run's rows
 * could not be written anyway (`appendRows` refuses a run that is not being written).
 */
import { ROWS_ACK } from '../../core/run/flow';
import type { RunMessage } from '../../core/run/stream';
import type { Repo } from '../db/repo';
import { measureChunk } from '../lib/errors';
import { toStoreError, type StoreReply } from './store-protocol';

type RowsMessage = Extract<RunMessage, { type: 'rows' }>;

export interface RunSinks {
  /** Starts taking the rows of `runId` from `port`. */
  attach(runId: string, port: MessagePort): void;
  /** Takes no more rows for `runId`; chunks already queued are skipped. */
  close(runId: string): void;
}

/**
 * @param enqueue runs a write after every write queued before it (the worker's one queue, so a run's
 *   chunks, its completion and its discard keep their order)
 * @param notify posts a reply to the page
 */
export function createRunSinks(repo: Pick<Repo, 'appendRows'>, enqueue: (write: () => Promise<void>) => void, notify: (reply: StoreReply) => void): RunSinks {
  const open = new Map<string, MessagePort>();

  function close(runId: string): void {
    open.get(runId)?.close();
    open.delete(runId);
  }

  function store(runId: string, port: MessagePort, chunk: RowsMessage): void {
    enqueue(async () => {
      if (open.get(runId) !== port) return;
      try {
        await repo.appendRows(runId, chunk);
      } catch (error) {
        close(runId);
        notify({ type: 'sink-failed', runId, error: toStoreError(error), chunk: measureChunk(chunk.rows) });
        return;
      }
      notify({ type: 'stored', runId, rows: chunk.rows.length });
      port.postMessage(ROWS_ACK);
    });
  }

  return {
    attach(runId, port) {
      close(runId);
      open.set(runId, port);
      port.onmessage = (event: MessageEvent<RunMessage>) => {
        if (event.data.type === 'rows') store(runId, port, event.data);
      };
    },
    close,
  };
}
