/**
 * Flow control of the run stream (issue 6): a worker may have at most `ROWS_IN_FLIGHT` `rows` messages
 * that the renderer has not yet stored. The renderer answers each stored `rows` message with one `ack`
 * on the same channel; the worker waits for credit before it posts the next one.
 *
 * Without it the worker posts a whole run at once and every chunk waits, deserialized, in the page's
 * memory until IndexedDB has taken the ones before it: a 1,000,000-user run (about 5,000,000 rows)
 * crashed the page that way. With it the page holds at most this many chunks, whatever the run's size.
 */
import { CancelledError } from '../issues';
import type { RunResult } from '../types';
import { streamParts, streamRun, type RunMessage, type RunParts } from './stream';

/** `rows` messages sent and not yet acknowledged: one being stored, one waiting, so storing never idles. */
export const ROWS_IN_FLIGHT = 2;

/** The renderer's answer to one stored `rows` message. */
export interface RowsAck {
  type: 'ack';
}

export const ROWS_ACK: RowsAck = { type: 'ack' };

/** True for an `ack` message (the channel may carry other messages too). */
export function isRowsAck(message: unknown): message is RowsAck {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'ack';
}

/** Credits for `rows` messages: `take()` before posting one, `ack()` when the renderer stored one. */
export class RowCredits {
  private inFlight = 0;
  private readonly waiting: { grant: () => void; refuse: (error: Error) => void }[] = [];
  private readonly settling: { settle: () => void; refuse: (error: Error) => void }[] = [];
  private closed = false;

  constructor(private readonly limit = ROWS_IN_FLIGHT) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`RowCredits: limit must be a positive integer, not ${limit}`);
  }

  /** Resolves when one more `rows` message may be posted; rejects with CancelledError once closed. */
  take(): Promise<void> {
    if (this.closed) return Promise.reject(new CancelledError());
    if (this.inFlight < this.limit) {
      this.inFlight++;
      return Promise.resolve();
    }
    return new Promise((grant, refuse) => this.waiting.push({ grant, refuse }));
  }

  /** One `rows` message was stored: its credit goes to the next waiting message, or back to the pool.
   * An ack with nothing in flight (a duplicate, a stray message) is ignored. */
  ack(): void {
    if (this.inFlight === 0) return;
    const next = this.waiting.shift();
    if (next) next.grant();
    else this.inFlight--;
    if (this.inFlight === 0) for (const waiter of this.settling.splice(0)) waiter.settle();
  }

  /** Resolves once every posted `rows` message was acknowledged; rejects with CancelledError once closed. */
  settled(): Promise<void> {
    if (this.closed) return Promise.reject(new CancelledError());
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((settle, refuse) => this.settling.push({ settle, refuse }));
  }

  /** The run was cancelled: every waiting and later `take()` rejects. */
  close(): void {
    this.closed = true;
    for (const waiter of [...this.waiting.splice(0), ...this.settling.splice(0)]) waiter.refuse(new CancelledError());
  }

  /** Messages posted and not yet acknowledged (tests). */
  get pending(): number {
    return this.inFlight;
  }
}

/** Posts a run as the run stream, in chunks of `size` rows, waiting for credit before each `rows` message.
 * `settleBeforeDone`: `done` waits until every `rows` message was acknowledged, for a receiver that stores
 * the rows somewhere other than where `done` goes (the browser's storing worker, renderer/worker/store-sink.ts).
 * Rejects with CancelledError when `credits` is closed meanwhile. */
export async function postRun(
  result: RunResult | RunParts,
  post: (message: RunMessage) => void,
  credits: RowCredits,
  size?: number,
  settleBeforeDone = false,
): Promise<void> {
  // With parts, each chunk's rows are built as it is reached: one chunk waits here for credit, no more.
  const messages = 'header' in result ? streamParts(result, size) : streamRun(result, size);
  for (const message of messages) {
    if (message.type === 'rows') await credits.take();
    else if (message.type === 'done' && settleBeforeDone) await credits.settled();
    post(message);
  }
}
